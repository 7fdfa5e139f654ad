#!/usr/bin/env bash
# Exact spectral clustering on the foundation's reference data sets: ACC/NMI/ARI, wall time and
# peak RSS of each run (GNU time). Needs ../shared/data and the dataset-fashion-mnist package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SPECRAGE_SHARED_DATA:-$root/../shared/data/multiview}"
fashion="${SPECRAGE_FASHION:-/usr/share/datasets/fashion-mnist}"
run() {
  local name="$1"; shift
  echo "== $name: specrage cluster $*"
  /usr/bin/time -f "wall %e s, peak RSS %M kB" "$root/bin/specrage" cluster -q "$@" 2>&1 | grep -E "^(data|ACC|wall|warning)"
}
run "handwritten, 6 views joined, min-max, kNN 10" --neighbors 10 --combine concat
run "MNIST_USPS, mean of view Laplacians" --data "$shared/MNIST_USPS.mat" --combine mean-laplacian
run "BDGP, mean of view Laplacians" --data "$shared/BDGP.mat" --combine mean-laplacian
run "Fashion-MNIST, all 70,000 images" --data "$fashion"
