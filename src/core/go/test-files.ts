/** Test files: what the Go tool builds only for `go test`. */

/** Whether the file is a test file (`_test.go`). */
export function isTestFile(path: string): boolean {
  return path.endsWith('_test.go');
}
