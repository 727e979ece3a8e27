package matching

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps one of them (or the context's error), so callers can
// branch with errors.Is.
var (
	// ErrInvalidInput reports an unusable pool, record or option. The details are in one *FieldError per problem,
	// joined with errors.Join.
	ErrInvalidInput = errors.New("matching: invalid input")

	// ErrNotFound reports a client or volunteer ID that is not in the pool of a Proposal.
	ErrNotFound = errors.New("matching: not in the pool")
)

// FieldError reports one unusable record. It names the kind of record, its opaque ID and the field at fault, and
// never holds personal data: no names, addresses, coordinates, birth dates or free text from the record.
type FieldError struct {
	Record string `json:"record"` // "client", "volunteer", "pool", "options", "locked" or "forbidden"
	ID     string `json:"id"`     // the record's opaque ID ("C-17", "C-17/V-3" for a pair), or its position "clients[3]"
	Field  string `json:"field"`  // the field at fault, e.g. "availability[2].end", "approval.decision"
	Reason string `json:"reason"` // what is wrong, e.g. "before start", "unknown code (did you mean \"leisure\"?)"
}

// Error returns e.g. "matching: invalid input: client C-17: birth_date: after as_of".
func (e *FieldError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("%v: %s: %s: %s", ErrInvalidInput, e.Record, e.Field, e.Reason)
	}
	return fmt.Sprintf("%v: %s %s: %s: %s", ErrInvalidInput, e.Record, e.ID, e.Field, e.Reason)
}

// Unwrap returns ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

// fieldErrors collects the FieldErrors of one record.
type fieldErrors struct {
	record, id string
	errs       []error
}

func (f *fieldErrors) add(field, format string, args ...any) {
	f.errs = append(f.errs, &FieldError{Record: f.record, ID: f.id, Field: field, Reason: fmt.Sprintf(format, args...)})
}

func (f *fieldErrors) err() error { return errors.Join(f.errs...) }

// safeCode returns s quoted if it looks like a vocabulary code (short, lower-case letters, digits, '_' and '-'),
// and "" otherwise, so that an error never repeats free text that might hold a name.
func safeCode(s string) string {
	if len(s) == 0 || len(s) > 40 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return ""
		}
	}
	return fmt.Sprintf("%q", s)
}
