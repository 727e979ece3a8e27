package poolfile

import (
	"bytes"
	"unicode/utf8"
)

// bom is the UTF-8 byte-order mark that Excel's "CSV UTF-8" starts with.
var bom = []byte("\uFEFF")

// invalidUTF8 returns the offset of the first byte of data that is not valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to Unicode; the other bytes are Latin-1, the same code point.
// The five bytes Windows-1252 leaves undefined map to the C1 controls of the same value, as the WHATWG Encoding
// Standard does.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// fromWindows1252 decodes Windows-1252 text to UTF-8. Every byte is a character, so it cannot fail.
func fromWindows1252(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		switch {
		case b < 0x80:
			out = append(out, b)
		case b < 0xA0:
			out = utf8.AppendRune(out, cp1252[b-0x80])
		default:
			out = utf8.AppendRune(out, rune(b))
		}
	}
	return out
}

// sniffComma returns the separator of a CSV file from its header line: a semicolon if the line has more
// semicolons than commas outside quotes (Swedish Excel), else a comma.
func sniffComma(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	commas, semis, quoted := 0, 0, false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == ',':
			commas++
		case b == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}
