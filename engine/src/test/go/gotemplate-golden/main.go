// Renders every case of a cases file with Go's own text/template and prints one JSON line per
// case: {"name":..., "kind":"ok"|"parse"|"exec", "out": output or error message}.
// The functions below are mirrored by the Java test (GoTemplateGoldenSpec) so both engines see
// the same values. Standard library only; runs offline:
//
//	cd engine/src/test/go/gotemplate-golden && GOFLAGS=-mod=mod GOPATH=$(mktemp -d) GOCACHE=$(mktemp -d) \
//	  go run . ../../resources/gotemplate/cases.txt > ../../resources/gotemplate/golden.jsonl
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
)

// KVPair is confd's memkv.KVPair.
type KVPair struct {
	Key   string
	Value string
}

// Join is a method with an argument, as time.Time's Format is for confd's datetime.
func (p KVPair) Join(sep string) string { return p.Key + sep + p.Value }

func toInt(v interface{}) int {
	switch x := v.(type) {
	case int:
		return x
	case float64:
		return int(x)
	}
	panic(fmt.Sprintf("not a number: %v", v))
}

var funcs = template.FuncMap{
	"ints": func(args ...interface{}) []interface{} {
		out := make([]interface{}, len(args))
		for i, a := range args {
			out[i] = toInt(a)
		}
		return out
	},
	"int":  func(v interface{}) int { return toInt(v) },
	"list": func(args ...interface{}) []interface{} { return args },
	"dict": func(args ...interface{}) map[string]interface{} {
		m := map[string]interface{}{}
		for i := 0; i+1 < len(args); i += 2 {
			m[args[i].(string)] = args[i+1]
		}
		return m
	},
	"fail": func(msg interface{}) (interface{}, error) { return nil, errors.New(fmt.Sprint(msg)) },
	"kv":   func(k, v interface{}) KVPair { return KVPair{fmt.Sprint(k), fmt.Sprint(v)} },
	"seq": func(first, last interface{}) []interface{} {
		var out []interface{}
		for i := toInt(first); i <= toInt(last); i++ {
			out = append(out, i)
		}
		return out
	},
	"getv": func(key interface{}, def ...interface{}) (interface{}, error) {
		if key == "/a" {
			return "1", nil
		}
		if len(def) > 0 {
			return def[0], nil
		}
		return nil, fmt.Errorf("key does not exist: %v", key)
	},
	"nilf":  func() interface{} { return nil },
	"adder": func() interface{} { return func(a, b interface{}) interface{} { return toInt(a) + toInt(b) } },
	"upper": func(s interface{}) interface{} { return strings.ToUpper(fmt.Sprint(s)) },
	// typed parameters, as confd's own functions have them
	"add":    func(a, b int) int { return a + b },
	"concat": func(a string, rest ...string) string { return a + strings.Join(rest, "") },
	"half":   func(f float64) float64 { return f / 2 },
	"yes":    func(b bool) string { return fmt.Sprint(b) },
}

type testCase struct {
	name, data, text string
}

func readCases(path string) []testCase {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var cases []testCase
	var cur *testCase
	var body []string
	state := 0 // 0 outside, 1 want data, 2 want ---, 3 template body
	flush := func() {
		if cur != nil {
			cur.text = strings.Join(body, "\n")
			cases = append(cases, *cur)
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "=== ") {
			flush()
			cur = &testCase{name: strings.TrimPrefix(line, "=== ")}
			body = nil
			state = 1
			continue
		}
		switch state {
		case 1:
			cur.data = line
			state = 2
		case 2:
			state = 3
		case 3:
			body = append(body, line)
		}
	}
	flush()
	return cases
}

func main() {
	if os.Args[1] == "bench" {
		runBench(os.Args[2:])
		return
	}
	for _, c := range readCases(os.Args[1]) {
		var data interface{}
		if err := json.Unmarshal([]byte(c.data), &data); err != nil {
			panic(c.name + ": " + err.Error())
		}
		text := c.text
		kind, out := "ok", ""
		t, err := template.New("x").Funcs(funcs).Parse(text)
		if err != nil {
			kind, out = "parse", err.Error()
		} else {
			var buf bytes.Buffer
			if err := t.Execute(&buf, data); err != nil {
				kind, out = "exec", buf.String()+"\u0000"+err.Error()
			} else {
				out = buf.String()
			}
		}
		line, _ := json.Marshal(map[string]string{"name": c.name, "kind": kind, "out": out})
		fmt.Println(string(line))
	}
}
