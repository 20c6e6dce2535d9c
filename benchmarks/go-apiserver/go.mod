module kubeclient.io/benchmarks/go-apiserver

go 1.19
