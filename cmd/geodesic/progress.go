package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress reports the progress of a long run on stderr: on a terminal a
// bar redrawn in place with the rate and the estimated time left; otherwise
// (a file, a pipe, a CI log) plain lines, one per tenth of the work or
// every plainEvery. Nothing is shown with --quiet, nor before delay has
// passed (so that quick runs stay silent).
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	label string // what is being done: "training"
	unit  string // what is counted: "epochs"
	total int    // 0 if unknown
	delay time.Duration

	mu       sync.Mutex
	start    time.Time
	lastDraw time.Time
	lastLine time.Time
	bucket   int  // plain mode: the last tenth reported
	drawn    bool // a bar is on the terminal's current line
	shown    bool // something has been shown
	now      func() time.Time
}

const (
	ttyEvery   = 100 * time.Millisecond
	plainEvery = 10 * time.Second
)

func newProgress(w io.Writer, quiet bool, label, unit string, total int, delay time.Duration) *progress {
	p := &progress{w: w, tty: isTerminal(w), quiet: quiet, label: label, unit: unit, total: total, delay: delay, now: time.Now}
	p.start = p.now()
	p.lastLine = p.start
	return p
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update reports that done units of the total are finished; extra is shown
// after the figures (e.g. "loss 1.234"). It is safe for concurrent use.
func (p *progress) update(done int, extra string) {
	if p == nil || p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	elapsed := now.Sub(p.start)
	if elapsed < p.delay && !p.shown {
		return
	}
	p.shown = true
	final := p.total > 0 && done >= p.total
	if p.tty {
		if !final && now.Sub(p.lastDraw) < ttyEvery {
			return
		}
		p.lastDraw = now
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(done, elapsed, extra, true))
		p.drawn = true
		return
	}
	bucket := 0
	if p.total > 0 {
		bucket = 10 * done / p.total
	}
	if !final && bucket <= p.bucket && now.Sub(p.lastLine) < plainEvery {
		return
	}
	if final && p.bucket == 10 {
		return
	}
	p.bucket, p.lastLine = bucket, now
	fmt.Fprintln(p.w, p.line(done, elapsed, extra, false))
}

// finish ends the bar's line on a terminal.
func (p *progress) finish() {
	if p == nil || p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func (p *progress) line(done int, elapsed time.Duration, extra string, bar bool) string {
	var b strings.Builder
	b.WriteString(p.label)
	b.WriteString(": ")
	rate := float64(done) / elapsed.Seconds()
	if p.total > 0 {
		frac := min(float64(done)/float64(p.total), 1)
		if bar {
			const width = 24
			k := int(frac * width)
			b.WriteString("[" + strings.Repeat("=", k) + strings.Repeat(" ", width-k) + "] ")
		}
		fmt.Fprintf(&b, "%d/%d %s (%3.0f%%)", done, p.total, p.unit, 100*frac)
	} else {
		fmt.Fprintf(&b, "%d %s", done, p.unit)
	}
	if done > 0 && elapsed > 0 {
		fmt.Fprintf(&b, ", %s %s/s", formatRate(rate), p.unit)
		if p.total > 0 && done < p.total {
			eta := time.Duration(float64(p.total-done) / rate * float64(time.Second))
			fmt.Fprintf(&b, ", ETA %s", formatDuration(eta))
		} else {
			fmt.Fprintf(&b, ", %s", formatDuration(elapsed))
		}
	}
	if extra != "" {
		b.WriteString(", ")
		b.WriteString(extra)
	}
	return b.String()
}

func formatRate(r float64) string {
	switch {
	case r >= 100:
		return fmt.Sprintf("%.0f", r)
	case r >= 10:
		return fmt.Sprintf("%.1f", r)
	default:
		return fmt.Sprintf("%.2f", r)
	}
}

// formatDuration formats d as "850ms", "12s", "3m05s" or "1h02m".
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.0fs", d.Seconds())
	case d < time.Hour:
		s := int(d.Round(time.Second).Seconds())
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	default:
		m := int(d.Round(time.Minute).Minutes())
		return fmt.Sprintf("%dh%02dm", m/60, m%60)
	}
}
