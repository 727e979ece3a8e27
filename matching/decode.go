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
	"slices"
	"strings"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// maxPoolBytes bounds the JSON that DecodePool reads.
const maxPoolBytes = 1 << 30

// DecodePool reads a Pool from JSON of the form {"as_of": "2026-06-19", "clients": [...], "volunteers": [...]},
// with the field names of the JSON tags of Pool, Client and Volunteer (matched exactly, case included). Unknown
// fields and data after the pool are errors. Each record is decoded field by field, so that neither a bad record
// nor a bad field hides the next: every problem is a *FieldError (errors.Is ErrInvalidInput) naming the record
// by its ID (or its position, "clients[3]") and the field by its JSON path ("birth_date", "approval.decision",
// "availability[2].start"), never repeating a value of the input. The records that decode are validated with
// Pool.Validate even when others do not, and all errors are returned together, joined. When every record
// decodes, the Pool is returned with Validate's errors, if any; otherwise the zero Pool.
func DecodePool(r io.Reader) (Pool, error) {
	var raw struct {
		AsOf       calendar.Date     `json:"as_of"`
		Clients    []json.RawMessage `json:"clients"`
		Volunteers []json.RawMessage `json:"volunteers"`
	}
	var whole json.RawMessage
	dec := json.NewDecoder(io.LimitReader(r, maxPoolBytes))
	if err := dec.Decode(&whole); err != nil {
		return Pool{}, decodeError("pool", "", "", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Pool{}, &FieldError{Record: "pool", Field: "json", Reason: "data after the pool"}
	}
	if bytes.Equal(bytes.TrimSpace(whole), []byte("null")) {
		return Pool{}, &FieldError{Record: "pool", Field: "json", Reason: "null pool"}
	}
	var poolErrs []error
	decodeValue(whole, reflect.ValueOf(&raw).Elem(), "", func(path string, err error) {
		poolErrs = append(poolErrs, decodeError("pool", "", path, err))
	})
	if len(poolErrs) > 0 {
		return Pool{}, errors.Join(poolErrs...)
	}
	p := Pool{AsOf: raw.AsOf}
	var errs []error
	for i, b := range raw.Clients {
		var c Client
		if bad := decodeRecord(b, &c, "client", rawID(b, "clients", i)); bad != nil {
			errs = append(errs, bad...)
			continue
		}
		p.Clients = append(p.Clients, c)
	}
	for i, b := range raw.Volunteers {
		var v Volunteer
		if bad := decodeRecord(b, &v, "volunteer", rawID(b, "volunteers", i)); bad != nil {
			errs = append(errs, bad...)
			continue
		}
		p.Volunteers = append(p.Volunteers, v)
	}
	if err := p.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 && len(p.Clients) == len(raw.Clients) && len(p.Volunteers) == len(raw.Volunteers) {
		return p, errors.Join(errs...) // every record decoded; the errors are Validate's
	}
	if len(errs) > 0 {
		return Pool{}, errors.Join(errs...)
	}
	return p, nil
}

// decodeRecord decodes one record into v field by field and returns a *FieldError for every problem.
func decodeRecord(b []byte, v any, record, id string) []error {
	if b = bytes.TrimSpace(b); len(b) == 0 || bytes.Equal(b, []byte("null")) {
		return []error{&FieldError{Record: record, ID: id, Field: "json", Reason: "null record"}}
	}
	var errs []error
	decodeValue(b, reflect.ValueOf(v).Elem(), "", func(path string, err error) {
		errs = append(errs, decodeError(record, id, path, err))
	})
	return errs
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodeValue decodes b into v. A struct (without an unmarshaler of its own) is decoded member by member and a
// slice element by element, so that each problem is reported with its JSON path ("availability[2].day"); other
// values go to encoding/json whole. JSON null leaves v as it is, as encoding/json does.
func decodeValue(b []byte, v reflect.Value, path string, bad func(path string, err error)) {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return
	}
	t := v.Type()
	switch {
	case t.Kind() == reflect.Struct && !custom(t):
		var members map[string]json.RawMessage
		if err := json.Unmarshal(b, &members); err != nil {
			bad(path, &json.UnmarshalTypeError{Value: "value", Type: t})
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(members))
		for k := range members {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			idx, ok := fields[k]
			if !ok {
				bad(joinPath(path, k), errUnknownField)
				continue
			}
			decodeValue(members[k], v.Field(idx), joinPath(path, k), bad)
		}
	case t.Kind() == reflect.Slice && !custom(t) && (t.Elem().Kind() != reflect.Uint8 || custom(t.Elem())): // not []byte
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			bad(path, &json.UnmarshalTypeError{Value: "value", Type: t})
			return
		}
		if len(items) == 0 {
			return // an empty list is the same as none: values stay canonical for omitzero
		}
		v.Set(reflect.MakeSlice(t, len(items), len(items)))
		for i, item := range items {
			decodeValue(item, v.Index(i), fmt.Sprintf("%s[%d]", path, i), bad)
		}
	default:
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v.Addr().Interface()); err != nil {
			bad(path, err)
		}
	}
}

// errUnknownField marks a member that no field of the struct takes.
var errUnknownField = errors.New("unknown field")

func custom(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler)
}

// jsonFields maps the JSON names of t's exported fields to their indexes.
func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = i
	}
	return m
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
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

// decodeError turns a decoding error at a JSON path into a *FieldError that holds no value of the input.
func decodeError(record, id, path string, err error) error {
	field := path
	if field == "" {
		field = "json"
	}
	fe := &FieldError{Record: record, ID: id, Field: field, Reason: "cannot be decoded"}
	var (
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		mine *FieldError
		pe   *calendar.ParseError
		we   *calendar.WindowError
	)
	switch {
	case errors.Is(err, errUnknownField):
		fe.Field, fe.Reason = path[:max(strings.LastIndex(path, ".")+1, 0)], "unknown field"
		if name := path[strings.LastIndex(path, ".")+1:]; safeCode(name) != "" {
			fe.Reason += " " + safeCode(name)
		}
		fe.Field = strings.TrimSuffix(fe.Field, ".")
		if fe.Field == "" {
			fe.Field = "json"
		}
	case errors.As(err, &mine):
		if path == "" {
			fe.Field = mine.Field
		}
		fe.Reason = mine.Reason
	case errors.As(err, &syn):
		fe.Reason = fmt.Sprintf("invalid JSON near byte %d", syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			fe.Field = joinPath(path, typ.Field)
		}
		fe.Reason = "want " + jsonKind(typ.Type)
	case errors.As(err, &we):
		fe.Field, fe.Reason = joinPath(path, we.Field), "invalid window"
	case errors.As(err, &pe):
		fe.Reason = "invalid " + pe.Type + " (" + pe.Field + ")"
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
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		switch e := t.Elem(); {
		case e.Kind() != reflect.String && reflect.PointerTo(e).Implements(textUnmarshaler):
			return "an array of codes"
		case e.Kind() == reflect.String:
			return "an array of strings"
		}
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
