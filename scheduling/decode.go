package scheduling

import (
	"encoding/json"
	"errors"
	"io"
)

// DecodeWeeklyRequest reads one WeeklyRequest in its JSON form from r and validates it. It is strict: unknown
// fields, trailing data and values that do not parse are errors. Every error wraps ErrInvalidInput; validation
// errors are *FieldError values, joined.
func DecodeWeeklyRequest(r io.Reader) (*WeeklyRequest, error) {
	var req WeeklyRequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return &req, nil
}

// DecodeWeekendRequest reads one WeekendRequest in its JSON form from r and validates it, as
// DecodeWeeklyRequest does.
func DecodeWeekendRequest(r io.Reader) (*WeekendRequest, error) {
	var req WeekendRequest
	if err := decodeStrict(r, &req); err != nil {
		return nil, err
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return &req, nil
}

func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &FieldError{Record: "request", Field: "json", Reason: err.Error()}
	}
	if err := dec.Decode(new(json.RawMessage)); !errors.Is(err, io.EOF) {
		return &FieldError{Record: "request", Field: "json", Reason: "trailing data after the request"}
	}
	return nil
}
