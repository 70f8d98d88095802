// Package synth generates realistic synthetic claim graphs for
// benchmarks, load tests and demonstrations, deterministically from a
// seed.
//
// # What a generated graph looks like
//
// Entity mentions follow a power law (a few entities, like the leaders of
// states, are in many claims; most are in few). Sources form derivation
// trees up to [Config.MaxDepth] links deep, as wire reports are cited by
// articles that are republished in turn. Claims come in clusters of
// [Config.Cluster] that discuss one matter: within a cluster claims
// support or contradict each other, and a few relations reach earlier
// clusters. Each claim has several appearances in random sources.
//
// The same [Config] always gives the same graph, on every platform.
//
// # Use
//
//	b := synth.Generate(synth.Config{Claims: 100_000})
//	g := graph.New()
//	err := g.Apply(b)
package synth
