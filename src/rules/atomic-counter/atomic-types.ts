/** The `sync/atomic` type that fits an integer or bool. */
import type { TypeInfo } from '../../core/go/scope.js';

const ATOMIC_FOR_INT: Record<string, string> = {
  int: 'Int64',
  int64: 'Int64',
  int32: 'Int32',
  rune: 'Int32',
  int16: 'Int32',
  int8: 'Int32',
  uint: 'Uint64',
  uint64: 'Uint64',
  uint32: 'Uint32',
  uint16: 'Uint32',
  uint8: 'Uint32',
  byte: 'Uint32',
  uintptr: 'Uintptr',
};

/** The `sync/atomic` type for a written integer or bool type (`int` → `Int64`), or null. */
export function atomicTypeFor(type: TypeInfo): string | null {
  if (type.kind === 'bool') return 'Bool';
  if (type.kind === 'int') return ATOMIC_FOR_INT[type.text] ?? null;
  return null;
}

/** Whether an atomic type name (`Int64`, `Uint32`…) is unsigned. */
export function isUnsignedAtomic(name: string): boolean {
  return name.startsWith('Uint');
}

/** `Int64` → `int64`: the value type of an integer atomic. */
export function valueTypeOf(atomicName: string): string {
  return atomicName.toLowerCase();
}
