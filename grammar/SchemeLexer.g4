// Lexical syntax of vbmc's configuration language: Guile 3.0's reader with its default options
// (square brackets on, keywords only as #:foo) plus r7rs |symbols| and Guix's gexp prefixes.
// The lexer only cuts the text into tokens; C# (Vbmc.Reading) classifies atoms (number or
// symbol, character names, string escapes) exactly as Guile does, and reports errors.
// Rules for unterminated forms match the same prefix as the complete form minus its closing
// characters: the lexer takes the longest match, so they win only when the closing is missing.
lexer grammar SchemeLexer;

WHITESPACE     : [ \t\r\n\f]+ -> skip ;
LINE_COMMENT   : ';' ~[\n]* -> skip ;
BLOCK_COMMENT  : NESTED_COMMENT -> skip ;
UNTERMINATED_BLOCK_COMMENT : '#|' BLOCK_BODY* ('|'+ | '#'+)? ;
// Guile's "#! ... !#" (scsh) block comment, used for script headers.
HASH_BANG_COMMENT : '#!' HASH_BANG_BODY* '!'+ '#' -> skip ;
UNTERMINATED_HASH_BANG_COMMENT : '#!' HASH_BANG_BODY* '!'* ;

DATUM_COMMENT  : '#;' ;
LPAREN         : '(' ;
RPAREN         : ')' ;
LBRACK         : '[' ;
RBRACK         : ']' ;
VECTOR_OPEN    : '#(' ;

QUOTE                  : '\'' ;
QUASIQUOTE             : '`' ;
UNQUOTE_SPLICING       : ',@' ;
UNQUOTE                : ',' ;
SYNTAX                 : '#\'' ;
QUASISYNTAX            : '#`' ;
UNSYNTAX_SPLICING      : '#,@' ;
UNSYNTAX               : '#,' ;
GEXP                   : '#~' ;
UNGEXP_SPLICING        : '#$@' ;
UNGEXP                 : '#$' ;
UNGEXP_NATIVE_SPLICING : '#+@' ;
UNGEXP_NATIVE          : '#+' ;
KEYWORD_PREFIX         : '#:' ;

// Guile needs no delimiter after #t/#f: "#true1" is #t followed by 1.
TRUE           : '#' [tT] ([rR] [uU] [eE])? ;
FALSE          : '#' [fF] ([aA] [lL] [sS] [eE])? ;
// #\x: one delimiter character, or a run of non-delimiters (a name, #\x41, #\101).
CHARACTER      : '#\\' ( DELIMITER | ~[ \t\r\n\f()[\]";]+ ) ;
// Numbers with a radix or exactness prefix: #x1F, #b101, #e1.5, #i1/3, #x#e1F.
PREFIXED_NUMBER : '#' [iIeEbBoOdDxX] ~[ \t\r\n\f()[\]";]* ;
// Guile's extended symbol syntax #{...}#, which `write` uses for symbols that need it.
EXTENDED_SYMBOL : '#{' EXTENDED_BODY* '}'+ '#' ;
UNTERMINATED_EXTENDED_SYMBOL : '#{' EXTENDED_BODY* ('}'+ | '\\')? ;

STRING         : '"' STRING_BODY* '"' ;
UNTERMINATED_STRING : '"' STRING_BODY* '\\'? ;
BAR_SYMBOL     : '|' BAR_BODY* '|' ;
UNTERMINATED_BAR_SYMBOL : '|' BAR_BODY* '\\'? ;

DOT            : '.' ;
// Any other run of non-delimiters: a number or a symbol, told apart in C#.
ATOM           : ~[ \t\r\n\f()[\]";#'`,|] ~[ \t\r\n\f()[\]";]* ;
// '#' followed by anything else (or nothing): Guile rejects it; C# reports it.
BAD_HASH       : '#' .? ;

fragment DELIMITER      : [ \t\r\n\f()[\]";] ;
fragment NESTED_COMMENT : '#|' BLOCK_BODY* '|'+ '#' ;
// Inside #| |#, a run of '|' closes on '#', a run of '#' opens a nested comment on '|'.
fragment BLOCK_BODY     : ~[|#] | '|'+ ~[|#] | '#'+ ~[|#] | '#'* NESTED_COMMENT ;
fragment HASH_BANG_BODY : ~'!' | '!'+ ~[!#] ;
fragment EXTENDED_BODY  : ~[}\\] | '\\' . | '}'+ ~[#}\\] | '}'+ '\\' . ;
fragment STRING_BODY    : ~["\\] | '\\' . ;
fragment BAR_BODY       : ~[|\\] | '\\' . ;
