#!/usr/bin/env bash
# Lighthouse (npm) on the home page and a story page, mobile, against the built site served with
# gzip like GitHub Pages. Needs Debian's chromium and Node; installs lighthouse@12 in .cache/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache/lighthouse
[ -x .cache/lighthouse/node_modules/.bin/lighthouse ] || npm install --prefix .cache/lighthouse --silent lighthouse@12
python3 bench/gzserve.py site 8123 & server=$!
trap 'kill $server' EXIT
sleep 1
story=$(find site/verhalen -mindepth 1 -maxdepth 1 -type d ! -name archief ! -name leerkring ! -name auteur ! -name page | head -1)
for page in "" "${story#site/}/"; do
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} .cache/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:8123/$page" \
    --quiet --output=json --output-path=.cache/lighthouse/resultaat.json --only-categories=performance,accessibility \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
  python3 -c "import json; c=json.load(open('.cache/lighthouse/resultaat.json'))['categories']; print('/$page', {k: round(v['score']*100) for k, v in c.items()})"
done
