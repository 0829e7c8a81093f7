// Command appendrace is one of the two processes of the capstone's race
// test (check.TestCapstoneTwoProcesses): it opens the database it is given,
// waits for a line on its standard input so that both processes start
// together, appends one event to a stream at the version "no stream yet"
// through the chapter's SQL event store, and prints what happened:
//
//	appended       the append succeeded
//	conflict       it was refused as a concurrency conflict
//	error: ...     anything else (exit status 1)
//
// With -init it only creates the schema (NewSQLEventStore) and exits, so
// that the two racers do not race to create tables.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	bank "github.com/cqrsworkbook/workbook/exercises/16-capstone"
	"github.com/cqrsworkbook/workbook/exercises/testdb"
)

func main() {
	dialect := flag.String("dialect", testdb.SQLite, "sqlite or postgres")
	dsn := flag.String("dsn", "", "the database's data source name")
	stream := flag.String("stream", "acc-1", "the stream to append to")
	owner := flag.String("owner", "", "the owner in the AccountOpened event")
	initOnly := flag.Bool("init", false, "create the schema and exit")
	flag.Parse()
	if err := run(*dialect, *dsn, *stream, *owner, *initOnly); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

func run(dialect, dsn, stream, owner string, initOnly bool) error {
	db, err := testdb.OpenDSN(dialect, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	clock := &bank.StepClock{T: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), Step: time.Second}
	store, err := bank.NewSQLEventStore(db, dialect, clock)
	if err != nil {
		return err
	}
	if initOnly {
		fmt.Println("ready")
		return nil
	}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return err
	}
	_, err = store.Append(stream, bank.NoStream, []bank.Event{bank.AccountOpened{Account: stream, Owner: owner}})
	switch {
	case err == nil:
		fmt.Println("appended")
	case errors.Is(err, bank.ErrWrongExpectedVersion):
		fmt.Println("conflict")
	default:
		return err
	}
	return nil
}
