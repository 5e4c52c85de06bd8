#!/usr/bin/env bash
# Installs what the pgtrickle tests need on a Debian machine:
#   PostgreSQL ${PG_MAJOR} (server + server-dev headers), a C toolchain, and pgvector built from
#   Debian trixie's source package (bookworm has no pgvector for PostgreSQL 15 in main).
# Idempotent: every step checks first and is skipped when already done. Needs no stdin.
# Environment: PG_MAJOR (default 15), PGVECTOR_VERSION (default 0.8.0, the version expected from trixie),
#              DEBIAN_MIRROR (default: derived from the machine's apt sources, else http://deb.debian.org/debian).
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
PGVECTOR_VERSION="${PGVECTOR_VERSION:-0.8.0}"
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[install-postgres] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
    log "not root: using sudo -n"
  else
    die "must run as root (or with sudo available)"
  fi
fi
as_root() { "${SUDO[@]}" "$@"; }

# ---------------------------------------------------------------- packages
APT_UPDATED=0
apt_install() {
  local missing=()
  local p
  for p in "$@"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      log "package $p: already installed"
    else
      missing+=("$p")
    fi
  done
  if (( ${#missing[@]} == 0 )); then return 0; fi
  if (( APT_UPDATED == 0 )); then
    log "apt-get update"
    as_root apt-get update -q </dev/null
    APT_UPDATED=1
  fi
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

apt_install "postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}" build-essential make gcc

[[ -x "$PG_CONFIG" ]] || die "$PG_CONFIG not found after installing postgresql-server-dev-${PG_MAJOR}"
PKGLIBDIR="$("$PG_CONFIG" --pkglibdir)"
SHAREDIR="$("$PG_CONFIG" --sharedir)"
log "PostgreSQL $("$PG_CONFIG" --version | awk '{print $2}') at ${PG_BIN} (pkglibdir ${PKGLIBDIR}, sharedir ${SHAREDIR})"

# ---------------------------------------------------------------- pgvector
vector_installed() {
  [[ -f "${SHAREDIR}/extension/vector.control" && -f "${PKGLIBDIR}/vector.so" ]]
}

if vector_installed; then
  log "pgvector: already installed ($(grep -E '^default_version' "${SHAREDIR}/extension/vector.control" | tr -d "'" | awk '{print $3}')), skipping"
  exit 0
fi

apt_install dpkg-dev

# The machine's own Debian mirror: deb822 sources first, then the one-line format.
derive_mirror() {
  local uri=""
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    uri="$(awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")"
    [[ -n "$uri" ]] && break
  done
  if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
    uri="$(awk '$1=="deb" || $1=="deb-src" {
                  for (i = 2; i <= NF; i++) { if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; continue }
                    if ($i !~ /security/) print $i; break } }' /etc/apt/sources.list | head -n1)"
  fi
  printf '%s' "${uri:-http://deb.debian.org/debian}"
}
MIRROR="${DEBIAN_MIRROR:-$(derive_mirror)}"
MIRROR="${MIRROR%/}"
log "pgvector: building ${PGVECTOR_VERSION} from Debian trixie source (mirror ${MIRROR})"

WORK="$(mktemp -d /tmp/pgtrickle-pgvector.XXXXXX)"
cleanup() { as_root rm -rf "$WORK" 2>/dev/null || rm -rf "$WORK" 2>/dev/null || true; }
trap cleanup EXIT
APT_DIR="$WORK/apt"
BUILD_DIR="$WORK/build"
mkdir -p "$APT_DIR/lists/partial" "$BUILD_DIR"
chmod 755 "$WORK" "$APT_DIR" "$BUILD_DIR"
# apt downloads as the unprivileged _apt user when it exists.
if id _apt >/dev/null 2>&1; then as_root chown -R _apt "$APT_DIR/lists" "$BUILD_DIR" 2>/dev/null || true; fi

KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
write_sources() {   # $1: extra apt options inside [...]
  printf 'deb-src [%s] %s trixie main\n' "$1" "$MIRROR" > "$APT_DIR/sources.list"
  log "private sources list: $(cat "$APT_DIR/sources.list")"
}
APT_OPTS=(-o "Dir::Etc::sourcelist=$APT_DIR/sources.list" -o "Dir::Etc::sourceparts=-"
          -o "Dir::State::Lists=$APT_DIR/lists" -o "APT::Get::List-Cleanup=0")

if [[ -f "$KEYRING" ]]; then write_sources "signed-by=$KEYRING"; else write_sources "trusted=yes"; fi
log "apt-get update (trixie deb-src only, private lists)"
if ! as_root apt-get -q "${APT_OPTS[@]}" update </dev/null || ! ls "$APT_DIR"/lists/*Sources* >/dev/null 2>&1; then
  log "WARNING: trixie index did not verify with $KEYRING; retrying with trusted=yes (source package only, built locally)"
  write_sources "trusted=yes"
  as_root apt-get -q "${APT_OPTS[@]}" update </dev/null
fi
ls "$APT_DIR"/lists/*Sources* >/dev/null 2>&1 || die "no trixie Sources index downloaded"

cd "$BUILD_DIR"
log "apt-get source --download-only pgvector (in $BUILD_DIR)"
as_root apt-get -q "${APT_OPTS[@]}" source --download-only pgvector </dev/null
DSC="$(ls "$BUILD_DIR"/pgvector_*.dsc 2>/dev/null | head -n1)"
[[ -n "$DSC" ]] || die "pgvector .dsc not downloaded"
log "downloaded $(basename "$DSC")"
case "$(basename "$DSC")" in
  "pgvector_${PGVECTOR_VERSION}"*) ;;
  *) log "WARNING: expected pgvector ${PGVECTOR_VERSION}, trixie has $(basename "$DSC"); building that" ;;
esac

SRC="$BUILD_DIR/src"
log "dpkg-source -x"
if ! as_root dpkg-source -x "$DSC" "$SRC" </dev/null; then
  log "dpkg-source could not verify the signature; retrying with --no-check"
  as_root rm -rf "$SRC"
  as_root dpkg-source --no-check -x "$DSC" "$SRC" </dev/null
fi

cd "$SRC"
# OPTFLAGS="" : no -march=native, so the library also works if the machine image is reused elsewhere.
log "make PG_CONFIG=$PG_CONFIG"
as_root make -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" </dev/null
log "make install PG_CONFIG=$PG_CONFIG"
as_root make -s install PG_CONFIG="$PG_CONFIG" OPTFLAGS="" </dev/null

vector_installed || die "pgvector files missing after make install (${SHAREDIR}/extension/vector.control, ${PKGLIBDIR}/vector.so)"
log "pgvector installed: ${SHAREDIR}/extension/vector.control, ${PKGLIBDIR}/vector.so"
