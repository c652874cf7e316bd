#!/usr/bin/env bash
# Builds OUT-DIR/xmhf-ng_VERSION_amd64.deb with dpkg-deb from a staging tree
# that `make -f tools/install.mk install DESTDIR=... PREFIX=/usr` fills (that
# file is the one list of installed files), plus what Debian policy adds: the
# copyright file and changelog in /usr/share/doc/xmhf-ng, and DEBIAN/ with
# control, conffiles (every file under /etc), md5sums, postinst and postrm.
# Called by `make deb`, which passes the banner's version (runtime/version.h);
# tools/deb/changelog's top entry must carry the same one.
# usage: tools/deb/mkdeb.sh VERSION BUILD-DIR OUT-DIR   (prints the .deb's path)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 VERSION BUILD-DIR OUT-DIR" >&2; exit 2; }
version=$1 build=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "mkdeb: $*" >&2; exit 1; }

[ -n "$version" ] || die "no version (XMHF_NG_VERSION in runtime/version.h)"
cl_version=$(dpkg-parsechangelog -l "$here/changelog" -S Version)
[ "$cl_version" = "$version" ] || die "tools/deb/changelog's top entry is $cl_version," \
	"runtime/version.h says $version: add a changelog entry (dch -v $version)"
maintainer=$(dpkg-parsechangelog -l "$here/changelog" -S Maintainer)
# Reproducible: file times and the changelog's compression from its own date.
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$here/changelog" -S Timestamp)

mkdir -p "$out"
stage=$(cd "$out" && pwd)/xmhf-ng-deb
rm -rf "$stage"
make -s -C "$repo" -f tools/install.mk install DESTDIR="$stage" PREFIX=/usr \
	BUILD="$(cd "$build" && pwd)" >/dev/null

doc=$stage/usr/share/doc/xmhf-ng
install -d "$doc" "$stage/DEBIAN"
install -m 644 "$here/copyright" "$doc/copyright"
# A native package: its changelog is changelog.gz (Debian policy 12.7).
gzip -n -9 <"$here/changelog" >"$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

for s in postinst postrm; do
	sed -e "/^#UPDATE_GRUB#\$/{r $here/update-grub.sh" -e 'd}' "$here/$s" >"$stage/DEBIAN/$s"
	chmod 755 "$stage/DEBIAN/$s"
done
(cd "$stage" && find etc -type f -printf '/%p\n' | LC_ALL=C sort) >"$stage/DEBIAN/conffiles"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z |
	xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
size=$(du -s -k --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" -e "s/@MAINTAINER@/$maintainer/" \
	"$here/control.in" >"$stage/DEBIAN/control"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"
find "$stage" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

deb=$out/xmhf-ng_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
