package mirror

import (
	"io"
	stdhttp "net/http"
)

func mirror(src string, dst io.Writer) error {
	resp, err := stdhttp.Get(src) // want "http-default-client"
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(dst, resp.Body)
	return err
}
