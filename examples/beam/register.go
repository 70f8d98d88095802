package main

import (
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Every function and type the pipelines run is registered, so that
// workers (in this process on Prism, elsewhere on a cluster) find them by
// name. The registration is Beam's reflective one (beam.RegisterDoFn,
// RegisterFunction, RegisterType), not the generic wrappers of package
// register: those save a reflective call per element but instantiate so
// much code that compiling this package took minutes and gigabytes
// (apache/beam#34693), most of CI's budget.
func init() {
	for _, fn := range []any{
		&readTriplesFn{}, &decodeFn{}, &iterStat{}, &priorFn{}, &srcStep{},
		&srcNorm{}, &factStep{}, &pooledFn{}, &factNorm{}, &setTrust{}, &tauFn{},
		&sigmaFn{}, &meanFn{}, &settled{}, &runLine{}, &writeFn{},
		&sendLabel{}, &sourceLine{}, &objectLines{}, &placeFn{},
		keyFact, &factsOfSources{}, buildSrc, byObject, votingTrust, dropFactKey,
		dropSrcKey, rawOf, factRawOf, halfBelief, &factSend{},
		&invCountSend{}, poolFn, keySource, keyClaim, carrierRefs, sendCarrier,
		originsFn, sourceID, splitEdges, memberOf, edgeOf, componentFacts,
		&votingObject{}, originList, firstNamed, jointFn, initLabel, takeLabel, labelRoot,
		originsLine, byFact, assertionSource, tripleFact,
		rankedKV, bucketOf, sortBucket, assertedKey, assertedObject, objectRef,
		keyAsserted, swapID, refID, &buildFact{}, trustOf, beliefOf,
		nameSrc, nameFact, beliefByObject, beliefByClaim,
		&objStep{}, &srcAccu{}, &discFn{}, &priorAcc{}, buildObj, objFacts,
		&factPartners{}, &objectPartners{}, buildPairs, withRows, &objIncidences{}, byBucket,
		&shardKey{}, &writeShard{}, &srcAcc{}, readSrcs, readFacts,
		readObjs, readPairs, readSrcNames, readFactNames, readOrigins, srcName,
		factName, pairsValue, objValue, silentKV,
	} {
		beam.RegisterDoFn(fn)
	}
	for _, v := range []any{
		statFn{}, maxFn{}, sumFn{}, msgSum{}, factList{}, minRank{}, offsetsFn{},
		Assertion{}, Claim{}, Valid{}, Source{}, Edge{}, Member{}, Named{}, Origin{},
		Asserted{}, Fact{}, Src{}, Msg{}, Part{}, Stat{}, Label{},
		OriginsRow{}, Shard{}, Slot{}, Size{}, Ranked{}, FactName{}, Belief{}, Trust{}, Obj{}, Pair{},
		IDName{}, IDFact{}, Pairs{}, Inc{}, Row{},
	} {
		beam.RegisterType(reflect.TypeOf(v))
	}
	// The emitters and iterators the iterations call once per message or
	// state, and the combiner of the messages, without reflection: a
	// reflective call per message was a large part of an iteration's CPU.
	// Unlike register.DoFn*, these few instantiations compile quickly.
	register.Emitter2[int64, Msg]()
	register.Emitter2[int64, Src]()
	register.Emitter2[int64, Fact]()
	register.Emitter1[Fact]()
	register.Emitter1[Src]()
	register.Emitter1[Part]()
	register.Iter1[Msg]()
	register.Iter1[Src]()
	register.Iter1[Fact]()
	register.Combiner1[Msg](&msgSum{})
}
