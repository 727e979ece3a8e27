package matching

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// maxPoolBytes bounds the JSON that DecodePool reads.
const maxPoolBytes = 1 << 30

// DecodePool reads a Pool from JSON of the form {"as_of": "2026-06-19", "clients": [...], "volunteers": [...]},
// with the field names of the JSON tags of Pool, Client and Volunteer. Unknown fields and data after the pool are
// errors. Each record is decoded on its own, so that a bad record does not hide the next: every problem is
// returned as a *FieldError (errors.Is ErrInvalidInput), joined, naming the record by its ID (or its position,
// "clients[3]") and never repeating a value of the input. A pool that decodes is then validated with
// Pool.Validate, and returned together with its validation errors, if any.
func DecodePool(r io.Reader) (Pool, error) {
	var raw struct {
		AsOf       calendar.Date     `json:"as_of"`
		Clients    []json.RawMessage `json:"clients"`
		Volunteers []json.RawMessage `json:"volunteers"`
	}
	dec := json.NewDecoder(io.LimitReader(r, maxPoolBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return Pool{}, decodeError("pool", "", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Pool{}, &FieldError{Record: "pool", Field: "json", Reason: "data after the pool"}
	}
	p := Pool{AsOf: raw.AsOf, Clients: make([]Client, len(raw.Clients)), Volunteers: make([]Volunteer, len(raw.Volunteers))}
	var errs []error
	for i, b := range raw.Clients {
		if err := decodeRecord(b, &p.Clients[i]); err != nil {
			errs = append(errs, decodeError("client", rawID(b, "clients", i), err))
		}
	}
	for i, b := range raw.Volunteers {
		if err := decodeRecord(b, &p.Volunteers[i]); err != nil {
			errs = append(errs, decodeError("volunteer", rawID(b, "volunteers", i), err))
		}
	}
	if len(errs) > 0 {
		return Pool{}, errors.Join(errs...)
	}
	return p, p.Validate()
}

func decodeRecord(b []byte, v any) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return &FieldError{Field: "json", Reason: "null record"}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// rawID returns the ID of a record that failed to decode, if it has a usable one, or its position.
func rawID(b []byte, list string, i int) string {
	var x struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(b, &x) != nil {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return recordID(x.ID, list, i)
}

// decodeError turns a decoding error into a *FieldError that holds no value of the input.
func decodeError(record, id string, err error) error {
	fe := &FieldError{Record: record, ID: id, Field: "json", Reason: "cannot be decoded"}
	var (
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		mine *FieldError
		pe   *calendar.ParseError
		we   *calendar.WindowError
	)
	switch {
	case errors.As(err, &mine):
		fe.Field, fe.Reason = mine.Field, mine.Reason
	case errors.As(err, &syn):
		fe.Reason = fmt.Sprintf("invalid JSON near byte %d", syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			fe.Field = typ.Field
		}
		fe.Reason = "want " + jsonKind(typ.Type)
	case errors.As(err, &we):
		fe.Field, fe.Reason = "window."+we.Field, "invalid window"
	case errors.As(err, &pe):
		fe.Field, fe.Reason = pe.Type, "invalid "+pe.Type+" ("+pe.Field+")"
	case errors.As(err, new(base64.CorruptInputError)):
		fe.Reason = "want an array of codes"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		fe.Reason = "unexpected end of JSON"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		fe.Reason = "unknown field"
		if name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`); safeCode(name) != "" {
			fe.Reason += " " + safeCode(name)
		}
	}
	return fe
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another type"
}
