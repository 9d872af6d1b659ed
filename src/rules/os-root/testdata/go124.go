// go-standards-test: go=1.24
package storage

import (
	"net/http"
	"os"
	"path/filepath"
)

// A routed handler: the router passes the path segment as a parameter.
func downloadReport(w http.ResponseWriter, r *http.Request, name string) {
	data, err := os.ReadFile(filepath.Join("/srv/reports", name)) // want "os-root"
	if err != nil {
		http.Error(w, "no such report", http.StatusNotFound)
		return
	}
	w.Write(data)
}
