// Structure of the data. Dotted tails are plain DOT items here: C# (Vbmc.Reading.SyntaxBuilder)
// interprets them, and Vbmc.Reading.StructureChecker rejects every malformed input (unbalanced
// or mismatched brackets, misplaced dots, prefixes without a datum, nesting too deep) before
// this parser runs, so the parser only ever sees well-formed input.
parser grammar SchemeParser;

options { tokenVocab = SchemeLexer; }

file    : item* EOF ;

item    : datum | skipped ;

// "#;" comments out the next datum; comments may nest: "#; #; a b" skips a and b.
skipped : DATUM_COMMENT skipped* datum ;

datum   : prefix skipped* datum                                  # abbreviation
        | KEYWORD_PREFIX skipped* datum                          # keyword
        | open=(LPAREN | LBRACK) item* close=(RPAREN | RBRACK)   # list
        | VECTOR_OPEN item* RPAREN                               # vector
        | atom                                                   # simple
        ;

prefix  : QUOTE | QUASIQUOTE | UNQUOTE | UNQUOTE_SPLICING
        | SYNTAX | QUASISYNTAX | UNSYNTAX | UNSYNTAX_SPLICING
        | GEXP | UNGEXP | UNGEXP_SPLICING | UNGEXP_NATIVE | UNGEXP_NATIVE_SPLICING
        ;

atom    : ATOM | DOT | STRING | CHARACTER | TRUE | FALSE | PREFIXED_NUMBER
        | BAR_SYMBOL | EXTENDED_SYMBOL
        ;
