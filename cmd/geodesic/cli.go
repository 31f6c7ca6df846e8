package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// usageError marks a mistake on the command line (unknown flag, bad flag
// value, wrong number of arguments): exit status 2. Every other error is a
// failure on the data or the file system: exit status 1.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// command describes one subcommand for parsing and help.
type command struct {
	name     string
	synopsis string // "geodesic mean [flags] points.{npy,csv,json}"
	about    string // paragraphs printed by --help before the flags
	fs       *flag.FlagSet
}

func newCommand(name, synopsis, about string) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &command{name: name, synopsis: synopsis, about: about, fs: fs}
}

// help writes the usage text of c to w.
func (c *command) help(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n%s\n", c.synopsis, strings.TrimSpace(c.about))
	hasFlags := false
	c.fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nFlags:")
		c.fs.SetOutput(w)
		c.fs.PrintDefaults()
		c.fs.SetOutput(io.Discard)
	}
}

// parse parses args, allowing flags before, between and after the
// positional arguments (a lone "--" ends the flags). It returns the
// positional arguments, and done = true with the exit status when the
// command should stop: 0 after --help (usage on stdout), 2 after a
// command-line error (one line on stderr).
func (c *command) parse(args []string, stdout, stderr io.Writer) (pos []string, done bool, code int) {
	for {
		err := c.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.help(stdout)
			return nil, true, 0
		}
		if err != nil {
			fmt.Fprintf(stderr, "geodesic %s: %v (see \"geodesic %s --help\")\n", c.name, err, c.name)
			return nil, true, 2
		}
		rest := c.fs.Args()
		if len(rest) == 0 {
			return pos, false, 0
		}
		// Parse stops at the first non-flag argument or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), false, 0
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// fail prints err as one line and returns its exit status.
func (c *command) fail(stderr io.Writer, err error) int {
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "geodesic %s: %s (see \"geodesic %s --help\")\n", c.name, msg, c.name)
		return 2
	}
	fmt.Fprintf(stderr, "geodesic %s: %s\n", c.name, msg)
	return 1
}

// intList is a flag.Value for comma-separated integers such as "1,3".
type intList []int

func (l *intList) String() string {
	var s []string
	for _, v := range *l {
		s = append(s, strconv.Itoa(v))
	}
	return strings.Join(s, ",")
}

func (l *intList) Set(v string) error {
	var out []int
	for _, f := range strings.Split(v, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("%q is not a comma-separated list of integers", v)
		}
		out = append(out, k)
	}
	*l = out
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// ext returns the lower-case extension of path without the dot.
func ext(path string) string {
	return strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
}

// checkOutputPath checks, before any work is done, that path has one of the
// allowed extensions and that its directory exists, so that a long run does
// not end with an unwritable output.
func checkOutputPath(flagName, path string, allowed ...string) error {
	e := ext(path)
	ok := false
	for _, a := range allowed {
		ok = ok || e == a
	}
	if !ok {
		return usagef("%s %s: unknown output format %q (want %s)", flagName, path, filepath.Ext(path), "."+strings.Join(allowed, ", ."))
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%s: output directory %s: %w", path, dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: %s is not a directory", path, dir)
	}
	return nil
}

// outputs stages output files: each is written to a temporary file in its
// target directory, and only commit renames them into place, so that a
// failure leaves no output behind (and no half-written file under the
// final name).
type outputs struct {
	staged  []stagedFile
	cleanup []string // temporary directories to remove at the end
}

type stagedFile struct{ tmp, path string }

// add writes a temporary file for path with write.
func (o *outputs) add(path string, write func(w io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	o.staged = append(o.staged, stagedFile{f.Name(), path})
	return nil
}

// commit renames every staged file into place. On a failure it removes the
// temporary files not yet renamed and returns the error.
func (o *outputs) commit() error {
	for i, s := range o.staged {
		// CreateTemp makes files readable by the owner only; give the
		// output the permissions of a file created normally.
		_ = os.Chmod(s.tmp, 0o644)
		if err := os.Rename(s.tmp, s.path); err != nil {
			for _, r := range o.staged[i:] {
				os.Remove(r.tmp)
			}
			o.staged = nil
			o.removeDirs()
			return fmt.Errorf("%s: %w", s.path, err)
		}
	}
	o.staged = nil
	o.removeDirs()
	return nil
}

// abort removes every staged file.
func (o *outputs) abort() {
	for _, s := range o.staged {
		os.Remove(s.tmp)
	}
	o.staged = nil
	o.removeDirs()
}

func (o *outputs) removeDirs() {
	for _, d := range o.cleanup {
		os.RemoveAll(d)
	}
	o.cleanup = nil
}

// formatFloat writes v in the shortest form that reads back to the same
// float64.
func formatFloat(v float64) string {
	return strconv.FormatFloat(v, 'g', -1, 64)
}
