package calendar_test

import (
	"time"
	_ "time/tzdata" // the library never embeds time zone data; its tests do

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// date is short for calendar.NewDate in tables.
func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }
