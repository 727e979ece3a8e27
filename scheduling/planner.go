package scheduling

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// begin validates a planner's options and request together (every problem of
// both is reported) and returns what every planner needs: Europe/Stockholm and
// a logger (nil discards).
func begin(validateOptions func(*fieldErrors), validateRequest func() error, logger *slog.Logger) (*time.Location, *slog.Logger, error) {
	var fe fieldErrors
	validateOptions(&fe)
	if err := validateRequest(); err != nil {
		fe = append(fe, err)
	}
	if err := fe.err(); err != nil {
		return nil, nil, err
	}
	loc, err := calendar.Stockholm()
	if err != nil {
		return nil, nil, fmt.Errorf("scheduling: %w", err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return loc, logger, nil
}
