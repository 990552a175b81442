package main

// The 10,000-key render figure of Go's text/template, for comparison with confdsl's engine
// (bench/src/main/java/org/confdsl/bench/GoTemplateBench.java renders the same template on the
// same data):  go run . bench [keys] [rounds]

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strconv"
	"text/template"
	"time"
)

// BenchTemplate is the template both benchmarks render.
const BenchTemplate = `upstream app {
{{- range gets "/upstream/*"}}
    server {{.Value}}; # {{base .Key}}
{{- end}}
}
{{range $k := ls "/upstream"}}{{$k}}={{getv (printf "/upstream/%s" $k)}} {{if eq (len $k) 9}}nine{{else}}other{{end}}
{{end}}`

func runBench(args []string) {
	keys, rounds := 10000, 50
	if len(args) > 0 {
		keys, _ = strconv.Atoi(args[0])
	}
	if len(args) > 1 {
		rounds, _ = strconv.Atoi(args[1])
	}
	values := map[string]string{}
	var pairs []KVPair
	var names []string
	for i := 0; i < keys; i++ {
		name := fmt.Sprintf("host%05d", i)
		k := "/upstream/" + name
		v := fmt.Sprintf("10.%d.%d.%d:80", i/65536, (i/256)%256, i%256)
		values[k] = v
		pairs = append(pairs, KVPair{k, v})
		names = append(names, name)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	sort.Strings(names)
	fm := template.FuncMap{
		"gets": func(pattern string) []KVPair { return pairs },
		"ls":   func(p string) []string { return names },
		"getv": func(k string) string { return values[k] },
		"base": path.Base,
	}
	t := template.Must(template.New("bench").Funcs(fm).Parse(BenchTemplate))
	var check bytes.Buffer
	if err := t.Execute(&check, nil); err != nil {
		panic(err)
	}
	var times []float64
	for r := 0; r < rounds+20; r++ {
		start := time.Now()
		if err := t.Execute(io.Discard, nil); err != nil {
			panic(err)
		}
		if r >= 20 {
			times = append(times, float64(time.Since(start).Microseconds())/1000)
		}
	}
	sort.Float64s(times)
	fmt.Fprintf(os.Stdout, "go text/template: %d keys, %d renders: median %.2f ms, min %.2f ms (%d bytes, sha256 %x)\n",
		keys, rounds, times[len(times)/2], times[0], check.Len(), sha256.Sum256(check.Bytes()))
}
