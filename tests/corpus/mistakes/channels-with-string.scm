;; guix-differential: guix-rejects
;; guix-differential: kind channels
;; A channels file with a URL string where a channel record belongs.
(cons "https://git.example.org/extra.git" %default-channels)
