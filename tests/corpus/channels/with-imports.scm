;; A channels file that imports (guix channels) itself, with two channels.
(use-modules (guix channels))

(list (channel
       (name 'guix)
       (url "https://git.guix.gnu.org/guix.git")
       (branch "master"))
      (channel
       (name 'tools)
       (url "https://git.example.com/tools.git")
       (branch "stable")))
