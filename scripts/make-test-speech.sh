#!/bin/sh
# Regenerates the spoken test audio in test/fixtures/speech from script.txt, so tests need neither
# espeak-ng nor an encoder: espeak-ng reads the script once, ffmpeg encodes it as podcast hosts
# serve audio (MP3, AAC in M4A, Opus in Ogg). Needs espeak-ng and ffmpeg (apt-get install espeak-ng ffmpeg).
# speech.json records the spoken length, which the tests compare probed and decoded lengths with.
set -eu
cd "$(dirname "$0")/../test/fixtures/speech"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Mono 16 kHz is what the pipeline decodes to anyway; low bitrates keep the files small.
espeak-ng -s 160 -w "$tmp/speech.wav" "$(tr '\n' ' ' < script.txt | sed 's/ *$//')"
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$tmp/speech.wav" -ac 1 -ar 16000 -c:a pcm_s16le "$tmp/speech16.wav"
encode() { ffmpeg -nostdin -hide_banner -loglevel error -y -i "$tmp/speech16.wav" -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$@"; }
encode -c:a libmp3lame -b:a 32k speech.mp3
encode -c:a aac -b:a 32k speech.m4a
encode -c:a libopus -b:a 16k speech.opus

seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/speech.wav")
printf '{ "seconds": %s }\n' "$seconds" > speech.json
ls -l speech.*
