package handout

import "github.com/cqrsworkbook/workbook/internal/chapter"

// Answer is the answer of one part's worked example, as the prose states it.
type Answer struct {
	Part int
	// Value is the last bold number of the worked example, its answer.
	Value string
	// Steps are the bold numbers before it, the figures on the way.
	Steps []string
}

// WorkedAnswers are the answers of a chapter's worked examples, from its
// outline: the bold numbers of the "### Worked example" section of each
// part. The chapter format puts the answer last and in bold
// ("175 × 2 = **350**"); a part without a bold number is left out.
func WorkedAnswers(o chapter.Outline) []Answer {
	var out []Answer
	for p := 1; p <= 2; p++ {
		if f := o.Figures(p); len(f) > 0 {
			out = append(out, Answer{Part: p, Value: f[len(f)-1], Steps: f[:len(f)-1]})
		}
	}
	return out
}
