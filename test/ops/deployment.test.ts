/** The deployment files: docker-compose topology, the image's health check, documented settings. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICE_ENV_VARS, serviceSettingsFromEnv } from '../../src/ops/service-settings.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'));

  it('runs one web process, two workers and Redis that never evicts', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['redis', 'web', 'worker']);
    const { redis, web, worker } = compose.services;
    expect(redis.command.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    expect(web.environment.GO_STANDARDS_ROLE).toBe('web');
    expect(web.deploy?.replicas ?? 1).toBe(1);
    expect(web.ports).toEqual(['3000:3000']);
    expect(worker.environment.GO_STANDARDS_ROLE).toBe('worker');
    expect(worker.deploy.replicas).toBe(2);
    expect(worker.ports).toBeUndefined();
    for (const service of [web, worker]) {
      expect(service.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(service.depends_on.redis.condition).toBe('service_healthy');
      expect(service.env_file).toBe('.env');
      // Each role's settings parse as the app reads them.
      expect(serviceSettingsFromEnv(service.environment)).toMatchObject({ role: service.environment.GO_STANDARDS_ROLE, host: '0.0.0.0', port: 3000 });
    }
  });
});

describe('Dockerfile', () => {
  it('checks the process health on /healthz', () => {
    const healthcheck = read('Dockerfile')
      .split('\n')
      .find((l) => l.startsWith('HEALTHCHECK'));
    expect(healthcheck).toMatch(/\/healthz/);
    expect(healthcheck).toMatch(/process\.env\.PORT/);
  });
});

describe('service settings', () => {
  it('are each documented in the README and .env.example', () => {
    const readme = read('README.md');
    const example = read('.env.example');
    for (const name of SERVICE_ENV_VARS) {
      expect(readme, name).toContain(`\`${name}\``);
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });

  it('have defaults, and refuse what does not parse or does not fit', () => {
    expect(serviceSettingsFromEnv({})).toMatchObject({ role: 'all', port: 3000, concurrency: 4, attempts: 5, recoveryWindowHours: 24, maxBodyBytes: 25 * 1024 * 1024 });
    expect(() => serviceSettingsFromEnv({ GO_STANDARDS_ROLE: 'worker' })).toThrow(/GO_STANDARDS_ROLE=worker needs REDIS_URL/);
    expect(() => serviceSettingsFromEnv({ GO_STANDARDS_ROLE: 'both' })).toThrow(/GO_STANDARDS_ROLE/);
    expect(() => serviceSettingsFromEnv({ GO_STANDARDS_CONCURRENCY: 'many' })).toThrow(/GO_STANDARDS_CONCURRENCY: expected an integer/);
  });
});
