package calendar

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrNoTimeZoneData reports that Europe/Stockholm could not be loaded because the program has no time zone
// database. The library does not embed one: add import _ "time/tzdata" to your main package (about 450 KB), or
// build with -tags timetzdata.
var ErrNoTimeZoneData = errors.New(`calendar: no time zone data for Europe/Stockholm: import _ "time/tzdata" in your main package`)

// Stockholm returns the Europe/Stockholm location: UTC+1 (CET), and UTC+2 (CEST) from the last Sunday of March
// to the last Sunday of October. It is loaded once per process; the error, if any, wraps ErrNoTimeZoneData and
// the loader's own error.
func Stockholm() (*time.Location, error) { return stockholm() }

var stockholm = sync.OnceValues(func() (*time.Location, error) { return loadZone("Europe/Stockholm") })

func loadZone(name string) (*time.Location, error) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w (%s: %w)", ErrNoTimeZoneData, name, err)
	}
	return loc, nil
}
