// Command workbook is the CQRS Workbook: it lists the chapters, runs a
// chapter's tests against your code in the interpreter or with the go tool,
// and checks the whole curriculum.
//
//	workbook list [--json]
//	workbook test CHAPTER [--suite example|full|all] [--engine interp|go]
//	              [--against exercise|solution] [--seed S] [--json]
//	workbook handouts --out DIR [--chapters 1-3] [--edition learner|facilitator|both] [--pdf]
//	workbook check [CHAPTER...] [--static] [--json]
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/cqrsworkbook/workbook/internal/harness/interp"
	"github.com/cqrsworkbook/workbook/internal/supportsyms"
)

func main() {
	if interp.IsWorker() {
		os.Exit(interp.WorkerMain(supportsyms.Table()))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
