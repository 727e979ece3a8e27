package compensation

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps one of them, so callers can branch with errors.Is.
var (
	// ErrInvalidInput reports unusable input: a stay that ends before it starts, an unknown law, a negative
	// amount. The details are in a *FieldError.
	ErrInvalidInput = errors.New("compensation: invalid input")

	// ErrNoTable reports that no figure is available for a year, law and cell: SKR's figure is not embedded
	// (because it could not be sourced) and the Policy supplies none. The details are in a *TableError.
	ErrNoTable = errors.New("compensation: no table")

	// ErrOverflow reports an amount outside the range of Ore, or a division by zero in MulDiv. Realistic
	// amounts never reach it.
	ErrOverflow = errors.New("compensation: amount out of range")
)

// FieldError reports one unusable record. It names the record kind, its opaque ID and the field, and never holds
// personal data: no names, no birth dates, no amounts.
type FieldError struct {
	Record string // what kind of record: "stay", "assignment", "statement", "policy", "amount", "percent"
	ID     string // the record's opaque ID, or its position such as "stays[3]" when it has none
	Field  string // the field at fault, e.g. "to", "tables[1].cells[4].amount"
	Reason string // what is wrong, e.g. "before from"
}

// Error returns e.g. "compensation: invalid input: stay S-17: to: before from".
func (e *FieldError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("%v: %s: %s: %s", ErrInvalidInput, e.Record, e.Field, e.Reason)
	}
	return fmt.Sprintf("%v: %s %s: %s: %s", ErrInvalidInput, e.Record, e.ID, e.Field, e.Reason)
}

// Unwrap returns ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

// TableError reports a figure that is not available: which year, and which table and cell, e.g.
// "SoL kontaktfamilj arvode 0-12 level 1", "prisbasbelopp" or "arbetsgivaravgifter".
type TableError struct {
	Year   int
	What   string // the table and cell
	Reason string // why, e.g. "SKR's figure is not sourced; supply it in Policy.Tables"
}

// Error returns e.g. "compensation: no table: 2025 SoL kontaktfamilj arvode 0-12 level 1: SKR's figure is not
// sourced; supply it in Policy.Tables".
func (e *TableError) Error() string {
	return fmt.Sprintf("%v: %d %s: %s", ErrNoTable, e.Year, e.What, e.Reason)
}

// Unwrap returns ErrNoTable.
func (e *TableError) Unwrap() error { return ErrNoTable }

func errOverflow(what string) error { return fmt.Errorf("%w: %s", ErrOverflow, what) }
