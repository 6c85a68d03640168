;;; (gnu packages video): video, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages video)
  #:export (mpv
            vlc
            ffmpeg
            youtube-dl
            yt-dlp))

(define mpv (specification->package "mpv"))
(define vlc (specification->package "vlc"))
(define ffmpeg (specification->package "ffmpeg"))
(define youtube-dl (specification->package "youtube-dl"))
(define yt-dlp (specification->package "yt-dlp"))
