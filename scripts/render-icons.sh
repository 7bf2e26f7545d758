#!/usr/bin/env bash
# Renders Frontdesk's icon from its one source, assets/icons/org.frontdesk.Frontdesk.svg: the
# hicolor PNG sizes under packaging/linux/icons/, the scalable copy beside them, and the 128 px
# PNG the window shows (assets/icons/). Run it after editing the SVG and commit the results;
# tests/packaging.rs checks that every size is there and the copies agree.
# Needs rsvg-convert (Debian: librsvg2-bin), installed here if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/apt.sh
need rsvg-convert librsvg2-bin

id=org.frontdesk.Frontdesk
svg=assets/icons/$id.svg
hicolor=packaging/linux/icons/hicolor
for size in 16 22 24 32 48 64 128 256 512; do
  dir=$hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$dir/$id.png"
done
mkdir -p "$hicolor/scalable/apps"
cp "$svg" "$hicolor/scalable/apps/$id.svg"
cp "$hicolor/128x128/apps/$id.png" "assets/icons/$id.png"
echo "rendered $svg into $hicolor and assets/icons/$id.png"
