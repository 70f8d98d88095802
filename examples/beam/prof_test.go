package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"
)

// heapDir asks for heap profiles of the test process, Prism included
// (it runs in this process), taken every -heapevery while the tests run: how
// the memory of a -large run was found to be Prism's (its buffers of
// pending and grouped elements), not the pipeline's:
//
//	go test -c && ./beam.test -test.run TestGenerated10k -large -heapdir /tmp/heap
//	go tool pprof -top beam.test /tmp/heap/heap-012.pb.gz
var heapDir = flag.String("heapdir", "", "write a heap profile into this `directory` every -heapevery")

var heapEvery = flag.Duration("heapevery", 20*time.Second, "the interval of -heapdir's profiles")

// startHeapProfiles starts taking the profiles of -heapdir.
func startHeapProfiles() {
	if *heapDir == "" {
		return
	}
	go func() {
		for i := 0; ; i++ {
			time.Sleep(*heapEvery)
			f, err := os.Create(filepath.Join(*heapDir, fmt.Sprintf("heap-%03d.pb.gz", i)))
			if err != nil {
				return
			}
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}()
}
