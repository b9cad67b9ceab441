/*
 * The grammar of Par. Labelled alternatives and elements only: the AST builder in
 * runtime/par.syntax reads the labels, so a change here shows up there as a compile error.
 *
 * Newlines end statements. Inside ( ) and [ ] they are skipped by the lexer, so a call or a
 * list may span lines; a map literal { } allows them explicitly between its entries.
 *
 * Every choice is made by looking a token or two ahead, never by scanning to the end of a
 * construct: ANTLR's scan ahead costs time that grows with the depth of what it scans, so one
 * deep line (a hundred thousand parentheses) took it seconds, and a choice made at each level
 * of a nested list or subscript made that quadratic. So an assignment is parsed as expressions
 * joined by '=' and a predicate accepts the '=' only after expressions that can be assigned
 * to; a list and a comprehension share their start, and so do an index and a slice.
 */
grammar Par;

@lexer::members {
    /** How many ( and [ are open: newlines inside them are not statement ends. */
    private int nesting = 0;
}

@parser::members {
    /**
     * The precedence at which ANTLR parses the operand of `not` in `arith`: it numbers the
     * alternatives from the last, so this is the rule's alternative count minus not's place
     * plus one. A `not` is fine only where an operand that loose is (ParserPrecedenceTest).
     */
    static final int NOT_PRECEDENCE = 4;

    /**
     * Whether the last of these expression lists has the form of assignment targets: postfix
     * expressions (a name, an index, an attribute, or anything else the AST builder refuses
     * with a located message) separated by commas.
     */
    public static boolean canBeAssigned(java.util.List<ExprListContext> lists) {
        for (ExprContext item : lists.get(lists.size() - 1).items) {
            if (bareTarget(item) == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether these expression lists are one postfix expression, which `+=` and its kin update. */
    public static boolean canBeUpdated(java.util.List<ExprListContext> lists) {
        ExprListContext list = lists.get(lists.size() - 1);
        return list.items.size() == 1 && list.trailing == null && bareTarget(list.items.get(0)) != null;
    }

    /** The postfix expression that is all of e (no operator around it), or null. */
    public static PostfixContext bareTarget(ExprContext e) {
        return e.cond == null && e.body instanceof PlainArithContext ? ((PlainArithContext) e.body).postfix() : null;
    }
}

// ---------------------------------------------------------------- statements

program     : stmts EOF ;

stmts       : sep* (stmt (sep+ stmt)*)? sep* ;
sep         : NL | ';' ;
block       : open='{' stmts close='}' ;

stmt
    : 'def' name=NAME '(' params=paramList? ')' body=block                       # DefStmt
    | 'if' conds+=expr blocks+=block
          (NL* 'elif' conds+=expr blocks+=block)*
          (NL* 'else' orelse=block)?                                           # IfStmt
    | 'while' cond=expr body=block                                             # WhileStmt
    | 'for' target=targets 'in' iter=exprList body=block                       # ForStmt
    | 'try' body=block
          (NL* 'catch' name=NAME? handler=block)?
          (NL* 'finally' cleanup=block)?                                       # TryStmt
    | 'with' subject=expr ('as' name=NAME)? body=block                         # WithStmt
    | 'return' value=exprList?                                                 # ReturnStmt
    | 'break'                                                                  # BreakStmt
    | 'continue'                                                               # ContinueStmt
    | 'pass'                                                                   # PassStmt
    | 'global' names+=NAME (',' names+=NAME)*                                  # GlobalStmt
    | 'raise' value=expr                                                       # RaiseStmt
    | 'assert' cond=expr (',' message=expr)?                                   # AssertStmt
    | 'del' places+=expr (',' places+=expr)* ','?                             # DelStmt
    | parts+=exprList
          ( ({canBeAssigned($parts)}? '=' parts+=exprList)+
          | {canBeUpdated($parts)}? op=('+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=') value=expr
          )?                                                                   # SimpleStmt
    ;

paramList   : names+=NAME (',' names+=NAME)* ','? ;

/** What a for loop binds: one place, or several to unpack a list into (an assignment's are expressions). */
targets     : items+=postfix (',' items+=postfix)* ','? ;

/** One expression, or several separated by commas, which make a list: `a, b = b, a`. */
exprList    : items+=expr (',' items+=expr)* trailing=','? ;

// ---------------------------------------------------------------- expressions

/*
 * Every operator but the conditional is one left-recursive rule, so ANTLR climbs their
 * precedences inside it instead of opening a rule per level: a pair of parentheses opens four
 * rules (atom, expr, arith, postfix) where a rule per level opened eleven, and that was most of
 * what a hundred thousand of them cost in time and memory. An alternative binds more tightly
 * than those after it.
 */

/** A lambda's body reaches as far as an expression does, as in Python: `lambda x: x if x else 0`. */
expr        : body=arith ('if' cond=arith 'else' orelse=expr)?
            | 'lambda' params=paramList? ':' lambdaBody=expr ;

/**
 * A power's base is a postfix expression, so `-2 ** 2` is -(2 ** 2), while `2 ** -1` is fine.
 * `not` binds more loosely than a comparison, so it cannot be the operand of one (`a == not b`,
 * as in Python): the predicate refuses it where ANTLR would otherwise take any prefix operator.
 */
arith
    : <assoc=right> base=arith '**' exponent=arith                             # PowerExpr
    | op=('-' | '+') operand=arith                                             # UnaryExpr
    | 'join' operand=arith                                                     # JoinExpr
    | left=arith op=('*' | '/' | '//' | '%') right=arith                       # ProductExpr
    | left=arith op=('+' | '-') right=arith                                    # SumExpr
    | left=arith op=compOp right=arith                                         # CompareExpr
    | {getPrecedence() <= NOT_PRECEDENCE}? 'not' operand=arith                 # NotExpr
    | left=arith 'and' right=arith                                             # AndExpr
    | left=arith 'or' right=arith                                              # OrExpr
    | postfix                                                                  # PlainArith
    ;

compOp      : op=('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in') | not='not' 'in' | is='is' isNot='not'? ;

postfix
    : target=postfix '.' name=attrName                                         # AttributeExpr
    | callee=postfix '(' args=argList? ')'                                     # CallExpr
    | target=postfix '[' sub=subscript ']'                                     # IndexExpr
    | atom                                                                     # AtomExpr
    ;

/**
 * Keyword arguments (name= for lock(), queue() and the other objects' names, and the few
 * options of Par's builtins: duplex=, timeout=, cluster=...) come after the positional ones. Written
 * into this rule rather than as a rule per argument, so that a call opens no more rules per
 * level of nesting than before.
 */
argList
    : items+=expr (',' items+=expr)* (',' keys+=NAME '=' named+=expr)* ','?
    | keys+=NAME '=' named+=expr (',' keys+=NAME '=' named+=expr)* ','?
    ;

/** An index `a[i]`, or a slice when there is a colon: `a[i:j]`, `a[:j:k]`. */
subscript
    : lo=expr (colon=':' hi=expr? (':' step=expr?)?)?
    | colon=':' hi=expr? (':' step=expr?)?
    ;

/** Keywords are fine after a dot: `", ".join(xs)`, `p.join(1)`. */
attrName    : NAME | 'join' | 'in' | 'not' | 'and' | 'or' | 'as' ;

atom
    : value=INT                                                                # IntAtom
    | value=FLOAT                                                              # FloatAtom
    | value=STRING                                                             # StringAtom
    | value=FSTRING                                                            # FStringAtom
    | 'true'                                                                   # TrueAtom
    | 'false'                                                                  # FalseAtom
    | 'nil'                                                                    # NilAtom
    | name=NAME                                                                # NameAtom
    | '(' items+=expr (',' items+=expr)* trailing=','? ')'                      # ParenAtom
    | '[' (items+=expr (clauses+=compFor+ | (',' items+=expr)* ','?))? ']'      # ListAtom
    | '{' NL* (entries+=mapEntry (NL* ',' NL* entries+=mapEntry)* (NL* ',')?)? NL* '}'  # MapAtom
    | 'spawn' call=postfix ('as' alias=arith)?                                 # SpawnAtom
    ;

mapEntry    : key=expr ':' value=expr ;
compFor     : 'for' target=targets 'in' iter=arith ('if' conds+=arith)* ;

// ---------------------------------------------------------------- tokens

LPAREN      : '(' { nesting++; } ;
RPAREN      : ')' { if (nesting > 0) nesting--; } ;
LBRACK      : '[' { nesting++; } ;
RBRACK      : ']' { if (nesting > 0) nesting--; } ;

INT         : DIGIT ('_'? DIGIT)* | '0' [xX] ('_'? HEX)+ | '0' [oO] ('_'? [0-7])+ | '0' [bB] ('_'? [01])+ ;
FLOAT       : DIGITS '.' DIGITS? EXPONENT? | '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
STRING      : '"""' .*? '"""' | '\'\'\'' .*? '\'\'\''
            | '"' (ESC | ~["\\\r\n])* '"' | '\'' (ESC | ~['\\\r\n])* '\'' ;
/** An f-string: the AST builder takes its fields apart and parses each one's expression. */
FSTRING     : [fF] ('"' (ESC | ~["\\\r\n])* '"' | '\'' (ESC | ~['\\\r\n])* '\''
                   | '"""' .*? '"""' | '\'\'\'' .*? '\'\'\'') ;
UNTERMINATED_STRING
            : '"""' ~'"'* | '\'\'\'' ~'\''*
            | '"' (ESC | ~["\\\r\n])* | '\'' (ESC | ~['\\\r\n])* ;
NAME        : [a-zA-Z_] [a-zA-Z_0-9]* ;

NL          : ('\r'? '\n' | '\r') { if (nesting > 0) skip(); } ;
CONTINUATION: '\\' [ \t]* ('\r'? '\n' | '\r') -> skip ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\f]+ -> skip ;
/** Anything else is one bad character, reported by the parser with its location. */
BAD_CHAR    : . ;

fragment DIGIT    : [0-9] ;
fragment DIGITS   : DIGIT ('_'? DIGIT)* ;
fragment HEX      : [0-9a-fA-F] ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
fragment ESC      : '\\' . ;
