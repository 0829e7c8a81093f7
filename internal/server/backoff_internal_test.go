package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestBackoffWaitEndsWithTheRequest: the wait of a failed attempt is a
// timer that ends as soon as the request's context does, and a zero delay
// does not wait at all.
func TestBackoffWaitEndsWithTheRequest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := sleepCtx(ctx, backoffMax); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepCtx with a cancelled context = %v, want context.Canceled", err)
	}
	if err := sleepCtx(context.Background(), 0); err != nil {
		t.Errorf("sleepCtx(0) = %v", err)
	}
	if err := sleepCtx(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleepCtx(1ms) = %v", err)
	}
	if d := time.Since(start); d >= backoffMax {
		t.Errorf("the waits took %v; the cancelled one waited out its delay", d)
	}
}

// TestBackoffDelays: none for the first failure, then doubling from 50 ms,
// capped at 2 s; the count of recent failures halves every 30 s and is
// capped, so that after any flood the delay is gone within minutes.
func TestBackoffDelays(t *testing.T) {
	clock := time.Unix(0, 0)
	var slept []time.Duration
	b := &backoff{now: func() time.Time { return clock }, sleep: func(_ context.Context, d time.Duration) error {
		slept = append(slept, d)
		return nil
	}}
	for i := 0; i < 1000; i++ {
		_ = b.fail(context.Background())
	}
	want := []time.Duration{0, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, 1600 * time.Millisecond, 2 * time.Second}
	for i, d := range want {
		if slept[i] != d {
			t.Errorf("failure %d waited %v, want %v", i, slept[i], d)
		}
	}
	if last := slept[len(slept)-1]; last != backoffMax {
		t.Errorf("failure 1000 waited %v, want %v", last, backoffMax)
	}
	for _, c := range []struct {
		after time.Duration
		want  time.Duration
	}{
		{0, backoffMax},
		{30 * time.Second, 400 * time.Millisecond}, // 8 recent failures halved: 4
		{60 * time.Second, 100 * time.Millisecond}, // 2
		{90 * time.Second, 50 * time.Millisecond},  // 1
		{2 * time.Minute, 0},
	} {
		clock = time.Unix(0, 0).Add(c.after)
		if got := b.next(); got != c.want {
			t.Errorf("%v after 1000 failures the next would wait %v, want %v", c.after, got, c.want)
		}
	}
}
