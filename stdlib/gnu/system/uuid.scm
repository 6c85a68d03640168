;;; (gnu system uuid): file-system UUIDs, as (uuid "1234-ABCD" ['fat]) in configurations.

(define-module (gnu system uuid)
  #:export (<uuid>
            uuid
            make-uuid
            uuid?
            uuid-type
            uuid-string
            uuid->string
            string->uuid))

(define-record-type* <uuid>
  %uuid make-uuid
  uuid?
  (string uuid-string (type non-empty-string))
  (type   uuid-type   (type symbol)))

;; The shapes of the UUID strings each file-system family writes: checked so that a typo in a
;; UUID is found here rather than at boot, when the root file system cannot be found.
(define (hex? c) (or (char-numeric? c) (memv (char-downcase c) '(#\a #\b #\c #\d #\e #\f))))

(define (hex-digits? str) (every hex? (string->list str)))

(define (dce-uuid-string? str)
  (let ((parts (string-split str #\-)))
    (and (equal? (map string-length parts) '(8 4 4 4 12))
         (every hex-digits? parts))))

(define (fat-uuid-string? str)
  (let ((parts (string-split str #\-)))
    (and (equal? (map string-length parts) '(4 4))
         (every hex-digits? parts))))

(define (uuid str . type)
  (let ((type (if (null? type) 'dce (car type))))
    (cond ((not (string? str))
           (error "uuid: expected a string, got" str))
          ((and (memq type '(dce ext2 ext3 ext4 btrfs xfs luks swap bcachefs)) (not (dce-uuid-string? str)))
           (error (string-append "invalid UUID string for type " (symbol->string type) ":") str))
          ((and (memq type '(fat fat32 fat16 vfat)) (not (fat-uuid-string? str)))
           (error "invalid FAT UUID string:" str))
          (else (make-uuid str type)))))

(define (string->uuid str . type) (apply uuid str type))

(define (uuid->string u) (uuid-string u))
