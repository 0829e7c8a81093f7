// The reference solutions: only the learner's files, one folder per chapter.
// They compile only together with their chapter's exercise folder, which the
// workbook does by substitution (go test -overlay, or the interpreter), so
// this module keeps them out of the root module's "go build ./...".
module github.com/cqrsworkbook/workbook/solutions

go 1.22
