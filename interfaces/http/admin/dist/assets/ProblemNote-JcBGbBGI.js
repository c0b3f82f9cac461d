import{$ as e,B as t,C as n,D as r,E as i,G as a,H as o,J as s,L as c,R as l,S as u,T as d,_ as f,b as p,c as m,f as h,g as ee,h as te,i as ne,j as re,l as ie,o as ae,p as oe,q as se,t as ce,tt as g,v as _,w as v,x as y,z as le}from"./index-K9HCNTA0.js";function b(e,t){if(!e)throw Error(t)}function ue(e){return typeof e==`object`&&!!e}function de(e,t){let n=/\r\n|[\n\r]/g,r=1,i=t+1,a;for(;(a=n.exec(e.body))&&a.index<t;)r++,i=t+1-(a.index+a[0].length);return{line:r,column:i}}function fe(e){if(e.length<2)return e.map(({source:e,start:t})=>de(e,t));let t=new Map;e.forEach(({source:e,start:n},r)=>{let i=t.get(e);i===void 0&&(i=[],t.set(e,i)),i.push({position:n,index:r})});let n=Array(e.length);for(let[e,r]of t){let t=/\r\n|[\n\r]/g,i=t.exec(e.body),a=1,o=0;r.sort((e,t)=>e.position-t.position);for(let{position:s,index:c}of r){for(;i!==null&&i.index<s;)o=i.index+i[0].length,a++,i=t.exec(e.body);n[c]={line:a,column:s+1-o}}}return n}function pe(e){return me(e.source,de(e.source,e.start))}function me(e,t){let n=e.locationOffset.column-1,r=``.padStart(n)+e.body,i=t.line-1,a=e.locationOffset.line-1,o=t.line+a,s=t.line===1?n:0,c=t.column+s,l=`${e.name}:${o}:${c}\n`,u=r.split(/\r\n|[\n\r]/g),d=u[i];if(d.length>120){let e=Math.floor(c/80),t=c%80,n=[];for(let e=0;e<d.length;e+=80)n.push(d.slice(e,e+80));return l+he([[`${o} |`,n[0]],...n.slice(1,e+1).map(e=>[`|`,e]),[`|`,`^`.padStart(t)],[`|`,n[e+1]]])}return l+he([[`${o-1} |`,u[i-1]],[`${o} |`,d],[`|`,`^`.padStart(c)],[`${o+1} |`,u[i+1]]])}function he(e){let t=e.filter(([e,t])=>t!==void 0),n=Math.max(...t.map(([e])=>e.length));return t.map(([e,t])=>e.padStart(n)+(t?` `+t:``)).join(`
`)}function ge(e){let t=e[0];return t==null||`kind`in t||`length`in t?{nodes:t,source:e[1],positions:e[2],path:e[3],originalError:e[4],extensions:e[5]}:t}var x=class e extends Error{constructor(t,...n){let{nodes:r,source:i,positions:a,path:o,originalError:s,extensions:c}=ge(n);super(t),this.name=`GraphQLError`,this.path=o??void 0,this.originalError=s??void 0,this.nodes=_e(Array.isArray(r)?r:r?[r]:void 0);let l=_e(this.nodes?.map(e=>e.loc).filter(e=>e!=null));this.source=i??l?.[0]?.source,this.positions=a??l?.map(e=>e.start),this.locations=a&&i?fe(a.map(e=>({source:i,start:e}))):l&&fe(l);let u=ue(s?.extensions)?s?.extensions:void 0;this.extensions=c??u??Object.create(null),Object.defineProperties(this,{message:{writable:!0,enumerable:!0},name:{enumerable:!1},nodes:{enumerable:!1},source:{enumerable:!1},positions:{enumerable:!1},originalError:{enumerable:!1}}),s!=null&&s.stack?Object.defineProperty(this,"stack",{value:s.stack,writable:!0,configurable:!0}):Error.captureStackTrace?Error.captureStackTrace(this,e):Object.defineProperty(this,"stack",{value:Error().stack,writable:!0,configurable:!0})}get[Symbol.toStringTag](){return`GraphQLError`}toString(){let e=this.message;if(this.nodes)for(let t of this.nodes)t.loc&&(e+=`

`+pe(t.loc));else if(this.source&&this.locations)for(let t of this.locations)e+=`

`+me(this.source,t);return e}toJSON(){let e={message:this.message};return this.locations!=null&&(e.locations=this.locations),this.path!=null&&(e.path=this.path),this.extensions!=null&&Object.keys(this.extensions).length>0&&(e.extensions=this.extensions),e}};function _e(e){return e===void 0||e.length===0?void 0:e}function S(e,t,n){return new x(`Syntax Error: ${n}`,{source:e,positions:[t]})}var ve=class{constructor(e,t,n){this.start=e.start,this.end=t.end,this.startToken=e,this.endToken=t,this.source=n}get[Symbol.toStringTag](){return`Location`}toJSON(){return{start:this.start,end:this.end}}},ye=class{constructor(e,t,n,r,i,a){this.kind=e,this.start=t,this.end=n,this.line=r,this.column=i,this.value=a,this.prev=null,this.next=null}get[Symbol.toStringTag](){return`Token`}toJSON(){return{kind:this.kind,value:this.value,line:this.line,column:this.column}}},be={Name:[],Document:[`definitions`],OperationDefinition:[`description`,`name`,`variableDefinitions`,`directives`,`selectionSet`],VariableDefinition:[`description`,`variable`,`type`,`defaultValue`,`directives`],Variable:[`name`],SelectionSet:[`selections`],Field:[`alias`,`name`,`arguments`,`directives`,`selectionSet`],Argument:[`name`,`value`],FragmentSpread:[`name`,`directives`],InlineFragment:[`typeCondition`,`directives`,`selectionSet`],FragmentDefinition:[`description`,`name`,`variableDefinitions`,`typeCondition`,`directives`,`selectionSet`],IntValue:[],FloatValue:[],StringValue:[],BooleanValue:[],NullValue:[],EnumValue:[],ListValue:[`values`],ObjectValue:[`fields`],ObjectField:[`name`,`value`],Directive:[`name`,`arguments`],NamedType:[`name`],ListType:[`type`],NonNullType:[`type`],SchemaDefinition:[`description`,`directives`,`operationTypes`],OperationTypeDefinition:[`type`],ScalarTypeDefinition:[`description`,`name`,`directives`],ObjectTypeDefinition:[`description`,`name`,`interfaces`,`directives`,`fields`],FieldDefinition:[`description`,`name`,`arguments`,`type`,`directives`],InputValueDefinition:[`description`,`name`,`type`,`defaultValue`,`directives`],InterfaceTypeDefinition:[`description`,`name`,`interfaces`,`directives`,`fields`],UnionTypeDefinition:[`description`,`name`,`directives`,`types`],EnumTypeDefinition:[`description`,`name`,`directives`,`values`],EnumValueDefinition:[`description`,`name`,`directives`],InputObjectTypeDefinition:[`description`,`name`,`directives`,`fields`],DirectiveDefinition:[`description`,`name`,`arguments`,`directives`,`locations`],SchemaExtension:[`directives`,`operationTypes`],DirectiveExtension:[`name`,`directives`],ScalarTypeExtension:[`name`,`directives`],ObjectTypeExtension:[`name`,`interfaces`,`directives`,`fields`],InterfaceTypeExtension:[`name`,`interfaces`,`directives`,`fields`],UnionTypeExtension:[`name`,`directives`,`types`],EnumTypeExtension:[`name`,`directives`,`values`],InputObjectTypeExtension:[`name`,`directives`,`fields`],TypeCoordinate:[`name`],MemberCoordinate:[`name`,`memberName`],ArgumentCoordinate:[`name`,`fieldName`,`argumentName`],DirectiveCoordinate:[`name`],DirectiveArgumentCoordinate:[`name`,`argumentName`]},xe=new Set(Object.keys(be));function Se(e){let t=e?.kind;return typeof t==`string`&&xe.has(t)}var C;(function(e){e.QUERY=`query`,e.MUTATION=`mutation`,e.SUBSCRIPTION=`subscription`})(C||={});var w;(function(e){e.QUERY=`QUERY`,e.MUTATION=`MUTATION`,e.SUBSCRIPTION=`SUBSCRIPTION`,e.FIELD=`FIELD`,e.FRAGMENT_DEFINITION=`FRAGMENT_DEFINITION`,e.FRAGMENT_SPREAD=`FRAGMENT_SPREAD`,e.INLINE_FRAGMENT=`INLINE_FRAGMENT`,e.VARIABLE_DEFINITION=`VARIABLE_DEFINITION`,e.SCHEMA=`SCHEMA`,e.SCALAR=`SCALAR`,e.OBJECT=`OBJECT`,e.FIELD_DEFINITION=`FIELD_DEFINITION`,e.ARGUMENT_DEFINITION=`ARGUMENT_DEFINITION`,e.INTERFACE=`INTERFACE`,e.UNION=`UNION`,e.ENUM=`ENUM`,e.ENUM_VALUE=`ENUM_VALUE`,e.INPUT_OBJECT=`INPUT_OBJECT`,e.INPUT_FIELD_DEFINITION=`INPUT_FIELD_DEFINITION`,e.DIRECTIVE_DEFINITION=`DIRECTIVE_DEFINITION`})(w||={});var T;(function(e){e.NAME=`Name`,e.DOCUMENT=`Document`,e.OPERATION_DEFINITION=`OperationDefinition`,e.VARIABLE_DEFINITION=`VariableDefinition`,e.SELECTION_SET=`SelectionSet`,e.FIELD=`Field`,e.ARGUMENT=`Argument`,e.FRAGMENT_SPREAD=`FragmentSpread`,e.INLINE_FRAGMENT=`InlineFragment`,e.FRAGMENT_DEFINITION=`FragmentDefinition`,e.VARIABLE=`Variable`,e.INT=`IntValue`,e.FLOAT=`FloatValue`,e.STRING=`StringValue`,e.BOOLEAN=`BooleanValue`,e.NULL=`NullValue`,e.ENUM=`EnumValue`,e.LIST=`ListValue`,e.OBJECT=`ObjectValue`,e.OBJECT_FIELD=`ObjectField`,e.DIRECTIVE=`Directive`,e.NAMED_TYPE=`NamedType`,e.LIST_TYPE=`ListType`,e.NON_NULL_TYPE=`NonNullType`,e.SCHEMA_DEFINITION=`SchemaDefinition`,e.OPERATION_TYPE_DEFINITION=`OperationTypeDefinition`,e.SCALAR_TYPE_DEFINITION=`ScalarTypeDefinition`,e.OBJECT_TYPE_DEFINITION=`ObjectTypeDefinition`,e.FIELD_DEFINITION=`FieldDefinition`,e.INPUT_VALUE_DEFINITION=`InputValueDefinition`,e.INTERFACE_TYPE_DEFINITION=`InterfaceTypeDefinition`,e.UNION_TYPE_DEFINITION=`UnionTypeDefinition`,e.ENUM_TYPE_DEFINITION=`EnumTypeDefinition`,e.ENUM_VALUE_DEFINITION=`EnumValueDefinition`,e.INPUT_OBJECT_TYPE_DEFINITION=`InputObjectTypeDefinition`,e.DIRECTIVE_DEFINITION=`DirectiveDefinition`,e.SCHEMA_EXTENSION=`SchemaExtension`,e.DIRECTIVE_EXTENSION=`DirectiveExtension`,e.SCALAR_TYPE_EXTENSION=`ScalarTypeExtension`,e.OBJECT_TYPE_EXTENSION=`ObjectTypeExtension`,e.INTERFACE_TYPE_EXTENSION=`InterfaceTypeExtension`,e.UNION_TYPE_EXTENSION=`UnionTypeExtension`,e.ENUM_TYPE_EXTENSION=`EnumTypeExtension`,e.INPUT_OBJECT_TYPE_EXTENSION=`InputObjectTypeExtension`,e.TYPE_COORDINATE=`TypeCoordinate`,e.MEMBER_COORDINATE=`MemberCoordinate`,e.ARGUMENT_COORDINATE=`ArgumentCoordinate`,e.DIRECTIVE_COORDINATE=`DirectiveCoordinate`,e.DIRECTIVE_ARGUMENT_COORDINATE=`DirectiveArgumentCoordinate`})(T||={});function Ce(e){return e===9||e===32}function we(e){return e>=48&&e<=57}function Te(e){return e>=97&&e<=122||e>=65&&e<=90}function Ee(e){return Te(e)||e===95}function De(e){return Te(e)||we(e)||e===95}function Oe(e){let t=2**53-1,n=null,r=-1;for(let i=0;i<e.length;++i){let a=e[i],o=ke(a);o!==a.length&&(n??=i,r=i,i!==0&&o<t&&(t=o))}return e.map((e,n)=>n===0?e:e.slice(t)).slice(n??0,r+1)}function ke(e){let t=0;for(;t<e.length&&Ce(e.charCodeAt(t));)++t;return t}function Ae(e,t){let n=e.replace(/"""/g,`\\"""`),r=n.split(/\r\n|[\n\r]/g),i=r.length===1,a=r.length>1&&r.slice(1).every(e=>e.length===0||Ce(e.charCodeAt(0))),o=n.endsWith(`\\"""`),s=e.endsWith(`"`)&&!o,c=e.endsWith(`\\`),l=s||c,u=!(t!=null&&t.minimize)&&(!i||e.length>70||l||a||o),d=``,f=i&&Ce(e.charCodeAt(0));return(u&&!f||a)&&(d+=`
`),d+=n,(u||l)&&(d+=`
`),`"""`+d+`"""`}var E;(function(e){e.SOF=`<SOF>`,e.EOF=`<EOF>`,e.BANG=`!`,e.DOLLAR=`$`,e.AMP=`&`,e.PAREN_L=`(`,e.PAREN_R=`)`,e.DOT=`.`,e.SPREAD=`...`,e.COLON=`:`,e.EQUALS=`=`,e.AT=`@`,e.BRACKET_L=`[`,e.BRACKET_R=`]`,e.BRACE_L=`{`,e.PIPE=`|`,e.BRACE_R=`}`,e.NAME=`Name`,e.INT=`Int`,e.FLOAT=`Float`,e.STRING=`String`,e.BLOCK_STRING=`BlockString`,e.COMMENT=`Comment`})(E||={});var je=class{constructor(e){let t=new ye(E.SOF,0,0,0,0);this.source=e,this.lastToken=t,this.token=t,this.line=1,this.lineStart=0,this._maxComments=void 0,this._commentCount=0}get[Symbol.toStringTag](){return`Lexer`}advance(){return this.lastToken=this.token,this.token=this.lookahead()}lookahead(){let e=this.token;if(e.kind!==E.EOF)do if(e.next)e=e.next;else{let t=Re(this,e.end);e.next=t,t.prev=e,e=t}while(e.kind===E.COMMENT);return e}};function Me(e){return e===E.BANG||e===E.DOLLAR||e===E.AMP||e===E.PAREN_L||e===E.PAREN_R||e===E.DOT||e===E.SPREAD||e===E.COLON||e===E.EQUALS||e===E.AT||e===E.BRACKET_L||e===E.BRACKET_R||e===E.BRACE_L||e===E.PIPE||e===E.BRACE_R}function Ne(e){return e>=0&&e<=55295||e>=57344&&e<=1114111}function Pe(e,t){return Fe(e.charCodeAt(t))&&Ie(e.charCodeAt(t+1))}function Fe(e){return e>=55296&&e<=56319}function Ie(e){return e>=56320&&e<=57343}function Le(e,t){let n=e.source.body.codePointAt(t);if(n===void 0)return E.EOF;if(n>=32&&n<=126){let e=String.fromCodePoint(n);return e===`"`?`'"'`:`"${e}"`}return`U+`+n.toString(16).toUpperCase().padStart(4,`0`)}function D(e,t,n,r,i){return new ye(t,n,r,e.line,1+n-e.lineStart,i)}function Re(e,t){let n=e.source.body,r=n.length,i=t;for(;i<r;){let t=n.charCodeAt(i);switch(t){case 65279:case 9:case 32:case 44:++i;continue;case 10:++i,++e.line,e.lineStart=i;continue;case 13:n.charCodeAt(i+1)===10?i+=2:++i,++e.line,e.lineStart=i;continue;case 35:return ze(e,i);case 33:return D(e,E.BANG,i,i+1);case 36:return D(e,E.DOLLAR,i,i+1);case 38:return D(e,E.AMP,i,i+1);case 40:return D(e,E.PAREN_L,i,i+1);case 41:return D(e,E.PAREN_R,i,i+1);case 46:if(n.charCodeAt(i+1)===46&&n.charCodeAt(i+2)===46)return D(e,E.SPREAD,i,i+3);break;case 58:return D(e,E.COLON,i,i+1);case 61:return D(e,E.EQUALS,i,i+1);case 64:return D(e,E.AT,i,i+1);case 91:return D(e,E.BRACKET_L,i,i+1);case 93:return D(e,E.BRACKET_R,i,i+1);case 123:return D(e,E.BRACE_L,i,i+1);case 124:return D(e,E.PIPE,i,i+1);case 125:return D(e,E.BRACE_R,i,i+1);case 34:return n.charCodeAt(i+1)===34&&n.charCodeAt(i+2)===34?Je(e,i):He(e,i)}if(we(t)||t===45)return Be(e,i,t);if(Ee(t))return Ye(e,i);throw S(e.source,i,t===39?`Unexpected single quote character ('), did you mean to use a double quote (")?`:Ne(t)||Pe(n,i)?`Unexpected character: ${Le(e,i)}.`:`Invalid character: ${Le(e,i)}.`)}return D(e,E.EOF,r,r)}function ze(e,t){let n=e._maxComments;if(n!==void 0){let r=e._commentCount+1;if(r>n)throw S(e.source,t,`Document contains more than ${n} comments. Parsing aborted.`);e._commentCount=r}let r=e.source.body,i=r.length,a=t+1;for(;a<i;){let e=r.charCodeAt(a);if(e===10||e===13)break;if(Ne(e))++a;else if(Pe(r,a))a+=2;else break}return D(e,E.COMMENT,t,a,r.slice(t+1,a))}function Be(e,t,n){let r=e.source.body,i=t,a=n,o=!1;if(a===45&&(a=r.charCodeAt(++i)),a===48){if(a=r.charCodeAt(++i),we(a))throw S(e.source,i,`Invalid number, unexpected digit after 0: ${Le(e,i)}.`)}else i=Ve(e,i,a),a=r.charCodeAt(i);if(a===46&&(o=!0,a=r.charCodeAt(++i),i=Ve(e,i,a),a=r.charCodeAt(i)),(a===69||a===101)&&(o=!0,a=r.charCodeAt(++i),(a===43||a===45)&&(a=r.charCodeAt(++i)),i=Ve(e,i,a),a=r.charCodeAt(i)),a===46||Ee(a))throw S(e.source,i,`Invalid number, expected digit but got: ${Le(e,i)}.`);return D(e,o?E.FLOAT:E.INT,t,i,r.slice(t,i))}function Ve(e,t,n){if(!we(n))throw S(e.source,t,`Invalid number, expected digit but got: ${Le(e,t)}.`);let r=e.source.body,i=t+1;for(;we(r.charCodeAt(i));)++i;return i}function He(e,t){let n=e.source.body,r=n.length,i=t+1,a=i,o=``;for(;i<r;){let r=n.charCodeAt(i);if(r===34)return o+=n.slice(a,i),D(e,E.STRING,t,i+1,o);if(r===92){o+=n.slice(a,i);let t=n.charCodeAt(i+1)===117?n.charCodeAt(i+2)===123?Ue(e,i):We(e,i):qe(e,i);o+=t.value,i+=t.size,a=i}else{if(r===10||r===13)break;if(Ne(r))++i;else if(Pe(n,i))i+=2;else throw S(e.source,i,`Invalid character within String: ${Le(e,i)}.`)}}throw S(e.source,i,`Unterminated string.`)}function Ue(e,t){let n=e.source.body,r=0,i=3;for(;i<12;){let e=n.charCodeAt(t+i++);if(e===125){if(i<5||!Ne(r))break;return{value:String.fromCodePoint(r),size:i}}if(r=r<<4|Ke(e),r<0)break}throw S(e.source,t,`Invalid Unicode escape sequence: "${n.slice(t,t+i)}".`)}function We(e,t){let n=e.source.body,r=Ge(n,t+2);if(Ne(r))return{value:String.fromCodePoint(r),size:6};if(Fe(r)&&n.charCodeAt(t+6)===92&&n.charCodeAt(t+7)===117){let e=Ge(n,t+8);if(Ie(e))return{value:String.fromCodePoint(r,e),size:12}}throw S(e.source,t,`Invalid Unicode escape sequence: "${n.slice(t,t+6)}".`)}function Ge(e,t){return Ke(e.charCodeAt(t))<<12|Ke(e.charCodeAt(t+1))<<8|Ke(e.charCodeAt(t+2))<<4|Ke(e.charCodeAt(t+3))}function Ke(e){return e>=48&&e<=57?e-48:e>=65&&e<=70?e-55:e>=97&&e<=102?e-87:-1}function qe(e,t){let n=e.source.body;switch(n.charCodeAt(t+1)){case 34:return{value:`"`,size:2};case 92:return{value:`\\`,size:2};case 47:return{value:`/`,size:2};case 98:return{value:`\b`,size:2};case 102:return{value:`\f`,size:2};case 110:return{value:`
`,size:2};case 114:return{value:`\r`,size:2};case 116:return{value:`	`,size:2}}throw S(e.source,t,`Invalid character escape sequence: "${n.slice(t,t+2)}".`)}function Je(e,t){let n=e.source.body,r=n.length,i=e.lineStart,a=t+3,o=a,s=``,c=[];for(;a<r;){let r=n.charCodeAt(a);if(r===34&&n.charCodeAt(a+1)===34&&n.charCodeAt(a+2)===34){s+=n.slice(o,a),c.push(s);let r=D(e,E.BLOCK_STRING,t,a+3,Oe(c).join(`
`));return e.line+=c.length-1,e.lineStart=i,r}if(r===92&&n.charCodeAt(a+1)===34&&n.charCodeAt(a+2)===34&&n.charCodeAt(a+3)===34)s+=n.slice(o,a),o=a+1,a+=4;else if(r===10||r===13)s+=n.slice(o,a),c.push(s),r===13&&n.charCodeAt(a+1)===10?a+=2:++a,s=``,o=a,i=a;else if(Ne(r))++a;else if(Pe(n,a))a+=2;else throw S(e.source,a,`Invalid character within String: ${Le(e,a)}.`)}throw S(e.source,a,`Unterminated string.`)}function Ye(e,t){let n=e.source.body,r=n.length,i=t+1;for(;i<r&&De(n.charCodeAt(i));)++i;return D(e,E.NAME,t,i,n.slice(t,i))}var Xe=10,Ze=2;function O(e){return Qe(e,[])}function Qe(e,t){switch(typeof e){case`string`:return JSON.stringify(e);case`function`:return e.name?`[function ${e.name}]`:`[function]`;case`object`:return $e(e,t);default:return String(e)}}function $e(e,t){if(e===null)return`null`;if(t.includes(e))return`[Circular]`;let n=[...t,e];if(et(e)){let t=e.toJSON();if(t!==e)return typeof t==`string`?t:Qe(t,n)}else if(Array.isArray(e))return nt(e,n);return tt(e,n)}function et(e){return typeof e.toJSON==`function`}function tt(e,t){let n=Object.entries(e);return n.length===0?`{}`:t.length>Ze?`[`+rt(e)+`]`:`{ `+n.map(([e,n])=>e+`: `+Qe(n,t)).join(`, `)+` }`}function nt(e,t){if(e.length===0)return`[]`;if(t.length>Ze)return`[Array]`;let n=Math.min(Xe,e.length),r=e.length-n,i=[];for(let r=0;r<n;++r)i.push(Qe(e[r],t));return r===1?i.push(`... 1 more item`):r>1&&i.push(`... ${r} more items`),`[`+i.join(`, `)+`]`}function rt(e){let t=Object.prototype.toString.call(e).replace(/^\[object /,``).replace(/]$/,``);if(t===`Object`&&typeof e.constructor==`function`){let t=e.constructor.name;if(typeof t==`string`&&t!==``)return t}return t}var k=globalThis.process?function(e,t){return e instanceof t}:function(e,t){if(e instanceof t)return!0;if(typeof e==`object`&&e){let n=t.prototype[Symbol.toStringTag];if(n===(Symbol.toStringTag in e?e[Symbol.toStringTag]:e.constructor?.name)){let t=O(e);throw Error(`Cannot use ${n} "${t}" from another module or realm.

Ensure that there is only one instance of "graphql" in the node_modules
directory. If different versions of "graphql" are the dependencies of other
relied on modules, use "resolutions" to ensure only one version is installed.

https://yarnpkg.com/en/docs/selective-version-resolutions

Duplicate "graphql" modules cannot be used at the same time since different
versions may have different capabilities and behavior. The data from one
version used in the function from another could produce confusing and
spurious results.`)}}return!1},it=class{constructor(e,t=`GraphQL request`,n={line:1,column:1}){typeof e==`string`||b(!1,`Body must be a string. Received: ${O(e)}.`),this.body=e,this.name=t,this.locationOffset=n,this.locationOffset.line>0||b(!1,`line in locationOffset is 1-indexed and must be positive.`),this.locationOffset.column>0||b(!1,`column in locationOffset is 1-indexed and must be positive.`)}get[Symbol.toStringTag](){return`Source`}};function at(e){return k(e,it)}function ot(e,t){let n=new st(e,t),r=n.parseDocument();return Object.defineProperty(r,"tokenCount",{enumerable:!1,value:n.tokenCount}),r}var st=class{constructor(e,t={}){let{lexer:n,...r}=t;if(n)this._lexer=n;else{let t=at(e)?e:new it(e);this._lexer=new je(t)}this._options=r,this._tokenCounter=0,this._lexer._maxComments=t?.maxComments,this._lexer._commentCount=0;let i=t?.maxSourceLength;if(i!==void 0&&this._lexer.source.body.length>i)throw S(this._lexer.source,i,`Source contains more than ${i} UTF-16 code units. Parsing aborted.`)}get tokenCount(){return this._tokenCounter}parseName(){let e=this.expectToken(E.NAME);return this.node(e,{kind:T.NAME,value:e.value})}parseDocument(){return this.node(this._lexer.token,{kind:T.DOCUMENT,definitions:this.many(E.SOF,this.parseDefinition,E.EOF)})}parseDefinition(){if(this.peek(E.BRACE_L))return this.parseOperationDefinition();let e=this.peekDescription(),t=e?this._lexer.lookahead():this._lexer.token;if(e&&t.kind===E.BRACE_L)throw S(this._lexer.source,this._lexer.token.start,`Unexpected description, descriptions are not supported on shorthand queries.`);if(t.kind===E.NAME){switch(t.value){case`schema`:return this.parseSchemaDefinition();case`scalar`:return this.parseScalarTypeDefinition();case`type`:return this.parseObjectTypeDefinition();case`interface`:return this.parseInterfaceTypeDefinition();case`union`:return this.parseUnionTypeDefinition();case`enum`:return this.parseEnumTypeDefinition();case`input`:return this.parseInputObjectTypeDefinition();case`directive`:return this.parseDirectiveDefinition()}switch(t.value){case`query`:case`mutation`:case`subscription`:return this.parseOperationDefinition();case`fragment`:return this.parseFragmentDefinition()}if(e)throw S(this._lexer.source,this._lexer.token.start,`Unexpected description, only GraphQL definitions support descriptions.`);if(t.value===`extend`)return this.parseTypeSystemExtension()}throw this.unexpected(t)}parseOperationDefinition(){let e=this._lexer.token;if(this.peek(E.BRACE_L))return this.node(e,{kind:T.OPERATION_DEFINITION,operation:C.QUERY,description:void 0,name:void 0,variableDefinitions:[],directives:[],selectionSet:this.parseSelectionSet()});let t=this.parseDescription(),n=this.parseOperationType(),r;return this.peek(E.NAME)&&(r=this.parseName()),this.node(e,{kind:T.OPERATION_DEFINITION,operation:n,description:t,name:r,variableDefinitions:this.parseVariableDefinitions(),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseOperationType(){let e=this.expectToken(E.NAME);switch(e.value){case`query`:return C.QUERY;case`mutation`:return C.MUTATION;case`subscription`:return C.SUBSCRIPTION}throw this.unexpected(e)}parseVariableDefinitions(){return this.optionalMany(E.PAREN_L,this.parseVariableDefinition,E.PAREN_R)}parseVariableDefinition(){return this.node(this._lexer.token,{kind:T.VARIABLE_DEFINITION,description:this.parseDescription(),variable:this.parseVariable(),type:(this.expectToken(E.COLON),this.parseTypeReference()),defaultValue:this.expectOptionalToken(E.EQUALS)?this.parseConstValueLiteral():void 0,directives:this.parseConstDirectives()})}parseVariable(){let e=this._lexer.token;return this.expectToken(E.DOLLAR),this.node(e,{kind:T.VARIABLE,name:this.parseName()})}parseSelectionSet(){return this.node(this._lexer.token,{kind:T.SELECTION_SET,selections:this.many(E.BRACE_L,this.parseSelection,E.BRACE_R)})}parseSelection(){return this.peek(E.SPREAD)?this.parseFragment():this.parseField()}parseField(){let e=this._lexer.token,t=this.parseName(),n,r;return this.expectOptionalToken(E.COLON)?(n=t,r=this.parseName()):r=t,this.node(e,{kind:T.FIELD,alias:n,name:r,arguments:this.parseArguments(!1),directives:this.parseDirectives(!1),selectionSet:this.peek(E.BRACE_L)?this.parseSelectionSet():void 0})}parseArguments(e){let t=e?this.parseConstArgument:this.parseArgument;return this.optionalMany(E.PAREN_L,t,E.PAREN_R)}parseArgument(e=!1){let t=this._lexer.token,n=this.parseName();return this.expectToken(E.COLON),this.node(t,{kind:T.ARGUMENT,name:n,value:this.parseValueLiteral(e)})}parseConstArgument(){return this.parseArgument(!0)}parseFragment(){let e=this._lexer.token;this.expectToken(E.SPREAD);let t=this.expectOptionalKeyword(`on`);return!t&&this.peek(E.NAME)?this.node(e,{kind:T.FRAGMENT_SPREAD,name:this.parseFragmentName(),directives:this.parseDirectives(!1)}):this.node(e,{kind:T.INLINE_FRAGMENT,typeCondition:t?this.parseNamedType():void 0,directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseFragmentDefinition(){let e=this._lexer.token,t=this.parseDescription();return this.expectKeyword(`fragment`),this._options.allowLegacyFragmentVariables===!0?this.node(e,{kind:T.FRAGMENT_DEFINITION,description:t,name:this.parseFragmentName(),variableDefinitions:this.parseVariableDefinitions(),typeCondition:(this.expectKeyword(`on`),this.parseNamedType()),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()}):this.node(e,{kind:T.FRAGMENT_DEFINITION,description:t,name:this.parseFragmentName(),typeCondition:(this.expectKeyword(`on`),this.parseNamedType()),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseFragmentName(){if(this._lexer.token.value===`on`)throw this.unexpected();return this.parseName()}parseValueLiteral(e){let t=this._lexer.token;switch(t.kind){case E.BRACKET_L:return this.parseList(e);case E.BRACE_L:return this.parseObject(e);case E.INT:return this.advanceLexer(),this.node(t,{kind:T.INT,value:t.value});case E.FLOAT:return this.advanceLexer(),this.node(t,{kind:T.FLOAT,value:t.value});case E.STRING:case E.BLOCK_STRING:return this.parseStringLiteral();case E.NAME:switch(this.advanceLexer(),t.value){case`true`:return this.node(t,{kind:T.BOOLEAN,value:!0});case`false`:return this.node(t,{kind:T.BOOLEAN,value:!1});case`null`:return this.node(t,{kind:T.NULL});default:return this.node(t,{kind:T.ENUM,value:t.value})}case E.DOLLAR:if(e){if(this.expectToken(E.DOLLAR),this._lexer.token.kind===E.NAME){let e=this._lexer.token.value;throw S(this._lexer.source,t.start,`Unexpected variable "$${e}" in constant value.`)}throw this.unexpected(t)}return this.parseVariable();default:throw this.unexpected()}}parseConstValueLiteral(){return this.parseValueLiteral(!0)}parseStringLiteral(){let e=this._lexer.token;return this.advanceLexer(),this.node(e,{kind:T.STRING,value:e.value,block:e.kind===E.BLOCK_STRING})}parseList(e){return this.node(this._lexer.token,{kind:T.LIST,values:this.any(E.BRACKET_L,()=>this.parseValueLiteral(e),E.BRACKET_R)})}parseObject(e){return this.node(this._lexer.token,{kind:T.OBJECT,fields:this.any(E.BRACE_L,()=>this.parseObjectField(e),E.BRACE_R)})}parseObjectField(e){let t=this._lexer.token,n=this.parseName();return this.expectToken(E.COLON),this.node(t,{kind:T.OBJECT_FIELD,name:n,value:this.parseValueLiteral(e)})}parseDirectives(e){let t=[];for(;this.peek(E.AT);)t.push(this.parseDirective(e));return t}parseConstDirectives(){return this.parseDirectives(!0)}parseDirective(e){let t=this._lexer.token;return this.expectToken(E.AT),this.node(t,{kind:T.DIRECTIVE,name:this.parseName(),arguments:this.parseArguments(e)})}parseTypeReference(){let e=this._lexer.token,t;if(this.expectOptionalToken(E.BRACKET_L)){let n=this.parseTypeReference();this.expectToken(E.BRACKET_R),t=this.node(e,{kind:T.LIST_TYPE,type:n})}else t=this.parseNamedType();return this.expectOptionalToken(E.BANG)?this.node(e,{kind:T.NON_NULL_TYPE,type:t}):t}parseNamedType(){return this.node(this._lexer.token,{kind:T.NAMED_TYPE,name:this.parseName()})}peekDescription(){return this.peek(E.STRING)||this.peek(E.BLOCK_STRING)}parseDescription(){if(this.peekDescription())return this.parseStringLiteral()}parseSchemaDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`schema`);let n=this.parseConstDirectives(),r=this.many(E.BRACE_L,this.parseOperationTypeDefinition,E.BRACE_R);return this.node(e,{kind:T.SCHEMA_DEFINITION,description:t,directives:n,operationTypes:r})}parseOperationTypeDefinition(){let e=this._lexer.token,t=this.parseOperationType();this.expectToken(E.COLON);let n=this.parseNamedType();return this.node(e,{kind:T.OPERATION_TYPE_DEFINITION,operation:t,type:n})}parseScalarTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`scalar`);let n=this.parseName(),r=this.parseConstDirectives();return this.node(e,{kind:T.SCALAR_TYPE_DEFINITION,description:t,name:n,directives:r})}parseObjectTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`type`);let n=this.parseName(),r=this.parseImplementsInterfaces(),i=this.parseConstDirectives(),a=this.parseFieldsDefinition();return this.node(e,{kind:T.OBJECT_TYPE_DEFINITION,description:t,name:n,interfaces:r,directives:i,fields:a})}parseImplementsInterfaces(){return this.expectOptionalKeyword(`implements`)?this.delimitedMany(E.AMP,this.parseNamedType):[]}parseFieldsDefinition(){return this.optionalMany(E.BRACE_L,this.parseFieldDefinition,E.BRACE_R)}parseFieldDefinition(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseName(),r=this.parseArgumentDefs();this.expectToken(E.COLON);let i=this.parseTypeReference(),a=this.parseConstDirectives();return this.node(e,{kind:T.FIELD_DEFINITION,description:t,name:n,arguments:r,type:i,directives:a})}parseArgumentDefs(){return this.optionalMany(E.PAREN_L,this.parseInputValueDef,E.PAREN_R)}parseInputValueDef(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseName();this.expectToken(E.COLON);let r=this.parseTypeReference(),i;this.expectOptionalToken(E.EQUALS)&&(i=this.parseConstValueLiteral());let a=this.parseConstDirectives();return this.node(e,{kind:T.INPUT_VALUE_DEFINITION,description:t,name:n,type:r,defaultValue:i,directives:a})}parseInterfaceTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`interface`);let n=this.parseName(),r=this.parseImplementsInterfaces(),i=this.parseConstDirectives(),a=this.parseFieldsDefinition();return this.node(e,{kind:T.INTERFACE_TYPE_DEFINITION,description:t,name:n,interfaces:r,directives:i,fields:a})}parseUnionTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`union`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseUnionMemberTypes();return this.node(e,{kind:T.UNION_TYPE_DEFINITION,description:t,name:n,directives:r,types:i})}parseUnionMemberTypes(){return this.expectOptionalToken(E.EQUALS)?this.delimitedMany(E.PIPE,this.parseNamedType):[]}parseEnumTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`enum`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseEnumValuesDefinition();return this.node(e,{kind:T.ENUM_TYPE_DEFINITION,description:t,name:n,directives:r,values:i})}parseEnumValuesDefinition(){return this.optionalMany(E.BRACE_L,this.parseEnumValueDefinition,E.BRACE_R)}parseEnumValueDefinition(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseEnumValueName(),r=this.parseConstDirectives();return this.node(e,{kind:T.ENUM_VALUE_DEFINITION,description:t,name:n,directives:r})}parseEnumValueName(){if(this._lexer.token.value===`true`||this._lexer.token.value===`false`||this._lexer.token.value===`null`)throw S(this._lexer.source,this._lexer.token.start,`${ct(this._lexer.token)} is reserved and cannot be used for an enum value.`);return this.parseName()}parseInputObjectTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`input`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseInputFieldsDefinition();return this.node(e,{kind:T.INPUT_OBJECT_TYPE_DEFINITION,description:t,name:n,directives:r,fields:i})}parseInputFieldsDefinition(){return this.optionalMany(E.BRACE_L,this.parseInputValueDef,E.BRACE_R)}parseTypeSystemExtension(){let e=this._lexer.lookahead();if(e.kind===E.NAME)switch(e.value){case`schema`:return this.parseSchemaExtension();case`scalar`:return this.parseScalarTypeExtension();case`type`:return this.parseObjectTypeExtension();case`interface`:return this.parseInterfaceTypeExtension();case`union`:return this.parseUnionTypeExtension();case`enum`:return this.parseEnumTypeExtension();case`input`:return this.parseInputObjectTypeExtension();case`directive`:if(this._options.experimentalDirectivesOnDirectiveDefinitions)return this.parseDirectiveDefinitionExtension()}throw this.unexpected(e)}parseSchemaExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`schema`);let t=this.parseConstDirectives(),n=this.optionalMany(E.BRACE_L,this.parseOperationTypeDefinition,E.BRACE_R);if(t.length===0&&n.length===0)throw this.unexpected();return this.node(e,{kind:T.SCHEMA_EXTENSION,directives:t,operationTypes:n})}parseScalarTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`scalar`);let t=this.parseName(),n=this.parseConstDirectives();if(n.length===0)throw this.unexpected();return this.node(e,{kind:T.SCALAR_TYPE_EXTENSION,name:t,directives:n})}parseObjectTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`type`);let t=this.parseName(),n=this.parseImplementsInterfaces(),r=this.parseConstDirectives(),i=this.parseFieldsDefinition();if(n.length===0&&r.length===0&&i.length===0)throw this.unexpected();return this.node(e,{kind:T.OBJECT_TYPE_EXTENSION,name:t,interfaces:n,directives:r,fields:i})}parseInterfaceTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`interface`);let t=this.parseName(),n=this.parseImplementsInterfaces(),r=this.parseConstDirectives(),i=this.parseFieldsDefinition();if(n.length===0&&r.length===0&&i.length===0)throw this.unexpected();return this.node(e,{kind:T.INTERFACE_TYPE_EXTENSION,name:t,interfaces:n,directives:r,fields:i})}parseUnionTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`union`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseUnionMemberTypes();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:T.UNION_TYPE_EXTENSION,name:t,directives:n,types:r})}parseEnumTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`enum`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseEnumValuesDefinition();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:T.ENUM_TYPE_EXTENSION,name:t,directives:n,values:r})}parseInputObjectTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`input`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseInputFieldsDefinition();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:T.INPUT_OBJECT_TYPE_EXTENSION,name:t,directives:n,fields:r})}parseDirectiveDefinitionExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`directive`),this.expectToken(E.AT);let t=this.parseName(),n=this.parseConstDirectives();if(n.length===0)throw this.unexpected();return this.node(e,{kind:T.DIRECTIVE_EXTENSION,name:t,directives:n})}parseDirectiveDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`directive`),this.expectToken(E.AT);let n=this.parseName(),r=this.parseArgumentDefs(),i=this._options.experimentalDirectivesOnDirectiveDefinitions?this.parseConstDirectives():[],a=this.expectOptionalKeyword(`repeatable`);this.expectKeyword(`on`);let o=this.parseDirectiveLocations();return this.node(e,{kind:T.DIRECTIVE_DEFINITION,description:t,name:n,arguments:r,directives:i,repeatable:a,locations:o})}parseDirectiveLocations(){return this.delimitedMany(E.PIPE,this.parseDirectiveLocation)}parseDirectiveLocation(){let e=this._lexer.token,t=this.parseName();if(Object.prototype.hasOwnProperty.call(w,t.value))return t;throw this.unexpected(e)}parseSchemaCoordinate(){let e=this._lexer.token,t=this.expectOptionalToken(E.AT),n=this.parseName(),r;!t&&this.expectOptionalToken(E.DOT)&&(r=this.parseName());let i;return(t||r)&&this.expectOptionalToken(E.PAREN_L)&&(i=this.parseName(),this.expectToken(E.COLON),this.expectToken(E.PAREN_R)),t?i?this.node(e,{kind:T.DIRECTIVE_ARGUMENT_COORDINATE,name:n,argumentName:i}):this.node(e,{kind:T.DIRECTIVE_COORDINATE,name:n}):r?i?this.node(e,{kind:T.ARGUMENT_COORDINATE,name:n,fieldName:r,argumentName:i}):this.node(e,{kind:T.MEMBER_COORDINATE,name:n,memberName:r}):this.node(e,{kind:T.TYPE_COORDINATE,name:n})}node(e,t){return this._options.noLocation!==!0&&(t.loc=new ve(e,this._lexer.lastToken,this._lexer.source)),t}peek(e){return this._lexer.token.kind===e}expectToken(e){let t=this._lexer.token;if(t.kind===e)return this.advanceLexer(),t;throw S(this._lexer.source,t.start,`Expected ${lt(e)}, found ${ct(t)}.`)}expectOptionalToken(e){return this._lexer.token.kind===e&&(this.advanceLexer(),!0)}expectKeyword(e){let t=this._lexer.token;if(t.kind===E.NAME&&t.value===e)this.advanceLexer();else throw S(this._lexer.source,t.start,`Expected "${e}", found ${ct(t)}.`)}expectOptionalKeyword(e){let t=this._lexer.token;return t.kind===E.NAME&&t.value===e&&(this.advanceLexer(),!0)}unexpected(e){let t=e??this._lexer.token;return S(this._lexer.source,t.start,`Unexpected ${ct(t)}.`)}any(e,t,n){this.expectToken(e);let r=[];for(;!this.expectOptionalToken(n);)r.push(t.call(this));return r}optionalMany(e,t,n){if(this.expectOptionalToken(e)){let e=[];do e.push(t.call(this));while(!this.expectOptionalToken(n));return e}return[]}many(e,t,n){this.expectToken(e);let r=[];do r.push(t.call(this));while(!this.expectOptionalToken(n));return r}delimitedMany(e,t){this.expectOptionalToken(e);let n=[];do n.push(t.call(this));while(this.expectOptionalToken(e));return n}advanceLexer(){let{maxLexicalTokens:e=this._options.maxTokens}=this._options,t=this._lexer.advance();if(t.kind!==E.EOF&&(++this._tokenCounter,e!==void 0&&this._tokenCounter>e))throw S(this._lexer.source,t.start,`Document contains more that ${e} tokens. Parsing aborted.`)}};function ct(e){let t=e.value;return lt(e.kind)+(t==null?``:` "${t}"`)}function lt(e){return Me(e)?`"${e}"`:e}var ut=5;function dt(e,t){let[n,r]=t?[e,t]:[void 0,e],i=` Did you mean `;n&&(i+=n+` `);let a=r.map(e=>`"${e}"`);switch(a.length){case 0:return``;case 1:return i+a[0]+`?`;case 2:return i+a[0]+` or `+a[1]+`?`}let o=a.slice(0,ut),s=o.pop();return i+o.join(`, `)+`, or `+s+`?`}function ft(e){return e}function pt(e,t){let n=Object.create(null);for(let r of e)n[t(r)]=r;return n}function mt(e,t,n){let r=Object.create(null);for(let i of e)r[t(i)]=n(i);return r}function A(e,t){let n=Object.create(null);for(let r of Object.keys(e))n[r]=t(e[r],r);return n}function ht(e,t){let n=0,r=0;for(;n<e.length&&r<t.length;){let i=e.charCodeAt(n),a=t.charCodeAt(r);if(vt(i)&&vt(a)){let o=0;do++n,o=o*10+i-gt,i=e.charCodeAt(n);while(vt(i)&&o>0);let s=0;do++r,s=s*10+a-gt,a=t.charCodeAt(r);while(vt(a)&&s>0);if(o<s)return-1;if(o>s)return 1}else{if(i<a)return-1;if(i>a)return 1;++n,++r}}return e.length-t.length}var gt=48,_t=57;function vt(e){return!isNaN(e)&&gt<=e&&e<=_t}function yt(e,t){let n=Object.create(null),r=new bt(e),i=Math.floor(e.length*.4)+1;for(let e of t){let t=r.measure(e,i);t!==void 0&&(n[e]=t)}return Object.keys(n).sort((e,t)=>{let r=n[e]-n[t];return r===0?ht(e,t):r})}var bt=class{constructor(e){this._input=e,this._inputLowerCase=e.toLowerCase(),this._inputArray=xt(this._inputLowerCase),this._rows=[Array(e.length+1).fill(0),Array(e.length+1).fill(0),Array(e.length+1).fill(0)]}measure(e,t){if(this._input===e)return 0;let n=e.toLowerCase();if(this._inputLowerCase===n)return 1;let r=xt(n),i=this._inputArray;if(r.length<i.length){let e=r;r=i,i=e}let a=r.length,o=i.length;if(a-o>t)return;let s=this._rows;for(let e=0;e<=o;e++)s[0][e]=e;for(let e=1;e<=a;e++){let n=s[(e-1)%3],a=s[e%3],c=a[0]=e;for(let t=1;t<=o;t++){let o=r[e-1]===i[t-1]?0:1,l=Math.min(n[t]+1,a[t-1]+1,n[t-1]+o);if(e>1&&t>1&&r[e-1]===i[t-2]&&r[e-2]===i[t-1]){let n=s[(e-2)%3][t-2];l=Math.min(l,n+1)}l<c&&(c=l),a[t]=l}if(c>t)return}let c=s[a%3][o];return c<=t?c:void 0}};function xt(e){let t=e.length,n=Array(t);for(let r=0;r<t;++r)n[r]=e.charCodeAt(r);return n}function j(e){if(e==null)return Object.create(null);if(Object.getPrototypeOf(e)===null)return e;let t=Object.create(null);for(let[n,r]of Object.entries(e))t[n]=r;return t}function St(e){return`"${e.replace(Ct,wt)}"`}var Ct=/[\x00-\x1f\x22\x5c\x7f-\x9f]/g;function wt(e){return Tt[e.charCodeAt(0)]}var Tt=`\\u0000.\\u0001.\\u0002.\\u0003.\\u0004.\\u0005.\\u0006.\\u0007.\\b.\\t.\\n.\\u000B.\\f.\\r.\\u000E.\\u000F.\\u0010.\\u0011.\\u0012.\\u0013.\\u0014.\\u0015.\\u0016.\\u0017.\\u0018.\\u0019.\\u001A.\\u001B.\\u001C.\\u001D.\\u001E.\\u001F...\\"..........................................................\\\\...................................\\u007F.\\u0080.\\u0081.\\u0082.\\u0083.\\u0084.\\u0085.\\u0086.\\u0087.\\u0088.\\u0089.\\u008A.\\u008B.\\u008C.\\u008D.\\u008E.\\u008F.\\u0090.\\u0091.\\u0092.\\u0093.\\u0094.\\u0095.\\u0096.\\u0097.\\u0098.\\u0099.\\u009A.\\u009B.\\u009C.\\u009D.\\u009E.\\u009F`.split(`.`);function Et(e,t){let n=[],r={parent:[e],keys:void 0,results:[],index:-1},i;do{let e;r.index++;let a=r.keys===void 0?r.parent.length:r.keys.length;if(r.index===a)i=r.results,e=r.keys===void 0?void 0:r.results.kind,r=n.pop();else{if(i=r.keys===void 0?r.parent[r.index]:r.parent[r.keys[r.index]],i==null&&n.length!==0)continue;if(Array.isArray(i)){if(i.length!==0){n.push(r),r={parent:i,keys:void 0,results:[],index:-1};continue}}else{let t=i;e=t?.kind;let a=typeof e==`string`?be[e]:void 0;if(!Array.isArray(a))throw Error(`Invalid AST Node: ${O(i)}.`);if(a.length!==0){n.push(r),r={parent:t,keys:a,results:{...t},index:-1};continue}}}e!==void 0&&(i=(0,t[e])?.(i)),r.keys===void 0?r.results.push(i):r.results[r.keys[r.index]]=i}while(n.length!==0);return i}function Dt(e,t){return At(Et(e,jt),t?.maxIndentDepth??1/0)}function M(e){return Dt(e,{maxIndentDepth:100})}var Ot=80,N=class e{next=void 0;tail=this;indentBefore=!1;dedentAfter=!1;constructor(e=``,t=!1){this.length=e.length,this.lines=e.includes(`
`)?e.split(`
`):e,this.newlines=typeof this.lines==`string`?0:this.lines.length-1,this.isBlockString=t}append(t){if(t.length===0)return this;let n=typeof t==`string`?new e(t):t;return this.tail.next=n,this.tail=n.tail,this.length+=n.length,this.newlines+=n.newlines,this}indent(){return this.length===0||(this.indentBefore=!0,this.tail.dedentAfter=!0,this.length+=2*(this.newlines+1)),this}},kt=new N;function At(e,t){let n=``,r=``,i=0,a=``,o=e;for(;o!==void 0;){let e=o.lines;if(o.indentBefore&&(i<t&&(a+=`  `,r+=`  `),i++),typeof e==`string`)r+=e;else{r+=e[0];let s=!o.isBlockString&&i>=t?` `:`
`+a;for(let t=1;t<e.length;t++)n+=r,r=s+e[t]}o.dedentAfter&&(i--,a=a.slice(0,i*2)),o=o.next}return n+r}var jt={Name:e=>new N(e.value),Variable:e=>P([`$`,e.name]),Document:e=>P(e.definitions,`

`),OperationDefinition(e){let t=Nt(e.variableDefinitions)?I(`(
`,P(e.variableDefinitions,`
`),`
)`):I(`(`,P(e.variableDefinitions,`, `),`)`),n=P([I(``,e.description,`
`),P([e.operation,P([e.name,t]),P(e.directives,` `)],` `)]);return P([e.operation===`query`&&n.length===e.operation.length?``:P([n,` `]),e.selectionSet])},VariableDefinition:({variable:e,type:t,defaultValue:n,directives:r,description:i})=>P([I(``,i,`
`),e,`: `,t,I(` = `,n),I(` `,P(r,` `))]),SelectionSet:({selections:e})=>F(e),Field({alias:e,name:t,arguments:n,directives:r,selectionSet:i}){return P([Pt(P([I(``,e,`: `),t],``),n),I(` `,P(r,` `)),I(` `,i)])},Argument:({name:e,value:t})=>P([e,`: `,t]),FragmentSpread:({name:e,directives:t})=>P([`...`,e,I(` `,P(t,` `))]),InlineFragment:({typeCondition:e,directives:t,selectionSet:n})=>P([`...`,I(`on `,e),P(t,` `),n],` `),FragmentDefinition:({name:e,typeCondition:t,variableDefinitions:n,directives:r,selectionSet:i,description:a})=>P([I(``,a,`
`),`fragment `,e,I(`(`,P(n,`, `),`)`),` on `,t,` `,I(``,P(r,` `),` `),i]),IntValue:({value:e})=>new N(e),FloatValue:({value:e})=>new N(e),StringValue:({value:e,block:t})=>new N(t===!0?Ae(e):St(e),t===!0),BooleanValue:({value:e})=>new N(e?`true`:`false`),NullValue:()=>new N(`null`),EnumValue:({value:e})=>new N(e),ListValue:({values:e})=>P([`[`,P(e,`, `),`]`]),ObjectValue:({fields:e})=>P([`{`,P(e,`, `),`}`]),ObjectField:({name:e,value:t})=>P([e,`: `,t]),Directive:({name:e,arguments:t})=>P([`@`,e,I(`(`,P(t,`, `),`)`)]),NamedType:({name:e})=>e,ListType:({type:e})=>P([`[`,e,`]`]),NonNullType:({type:e})=>P([e,`!`]),SchemaDefinition:({description:e,directives:t,operationTypes:n})=>P([I(``,e,`
`),P([`schema`,P(t,` `),F(n)],` `)]),OperationTypeDefinition:({operation:e,type:t})=>P([e,`: `,t]),ScalarTypeDefinition:({description:e,name:t,directives:n})=>P([I(``,e,`
`),P([`scalar`,t,P(n,` `)],` `)]),ObjectTypeDefinition:({description:e,name:t,interfaces:n,directives:r,fields:i})=>P([I(``,e,`
`),P([`type`,t,I(`implements `,P(n,` & `)),P(r,` `),F(i)],` `)]),FieldDefinition:({description:e,name:t,arguments:n,type:r,directives:i})=>P([I(``,e,`
`),t,Nt(n)?I(`(
`,P(n,`
`).indent(),`
)`):I(`(`,P(n,`, `),`)`),`: `,r,I(` `,P(i,` `))]),InputValueDefinition:({description:e,name:t,type:n,defaultValue:r,directives:i})=>P([I(``,e,`
`),t,`: `,n,I(` = `,r),I(` `,P(i,` `))]),InterfaceTypeDefinition:({description:e,name:t,interfaces:n,directives:r,fields:i})=>P([I(``,e,`
`),P([`interface`,t,I(`implements `,P(n,` & `)),P(r,` `),F(i)],` `)]),UnionTypeDefinition:({description:e,name:t,directives:n,types:r})=>P([I(``,e,`
`),P([`union`,t,P(n,` `),I(`= `,P(r,` | `))],` `)]),EnumTypeDefinition:({description:e,name:t,directives:n,values:r})=>P([I(``,e,`
`),P([`enum`,t,P(n,` `),F(r)],` `)]),EnumValueDefinition:({description:e,name:t,directives:n})=>P([I(``,e,`
`),P([t,P(n,` `)],` `)]),InputObjectTypeDefinition:({description:e,name:t,directives:n,fields:r})=>P([I(``,e,`
`),P([`input`,t,P(n,` `),F(r)],` `)]),DirectiveDefinition:({description:e,name:t,arguments:n,directives:r,repeatable:i,locations:a})=>P([I(``,e,`
`),`directive @`,t,Nt(n)?I(`(
`,P(n,`
`).indent(),`
)`):I(`(`,P(n,`, `),`)`),I(` `,P(r,` `)),i?` repeatable`:``,` on `,P(a,` | `)]),SchemaExtension:({directives:e,operationTypes:t})=>P([`extend schema`,P(e,` `),F(t)],` `),ScalarTypeExtension:({name:e,directives:t})=>P([`extend scalar`,e,P(t,` `)],` `),ObjectTypeExtension:({name:e,interfaces:t,directives:n,fields:r})=>P([`extend type`,e,I(`implements `,P(t,` & `)),P(n,` `),F(r)],` `),InterfaceTypeExtension:({name:e,interfaces:t,directives:n,fields:r})=>P([`extend interface`,e,I(`implements `,P(t,` & `)),P(n,` `),F(r)],` `),UnionTypeExtension:({name:e,directives:t,types:n})=>P([`extend union`,e,P(t,` `),I(`= `,P(n,` | `))],` `),EnumTypeExtension:({name:e,directives:t,values:n})=>P([`extend enum`,e,P(t,` `),F(n)],` `),InputObjectTypeExtension:({name:e,directives:t,fields:n})=>P([`extend input`,e,P(t,` `),F(n)],` `),DirectiveExtension:({name:e,directives:t})=>P([P([`extend directive @`,e]),P(t,` `)],` `),TypeCoordinate:({name:e})=>e,MemberCoordinate:({name:e,memberName:t})=>P([e,I(`.`,t)]),ArgumentCoordinate:({name:e,fieldName:t,argumentName:n})=>P([e,I(`.`,t),I(`(`,n,`:)`)]),DirectiveCoordinate:({name:e})=>P([`@`,e]),DirectiveArgumentCoordinate:({name:e,argumentName:t})=>P([`@`,e,I(`(`,t,`:)`)])};function P(e,t=``){if(e==null||e.length===0)return kt;let n=kt;for(let r of e)r!==void 0&&r.length!==0&&(n.length===0?n=typeof r==`string`?new N(r):r:(t!==``&&n.append(t),n.append(r)));return n}function Mt(e,t){let n=0;for(let r of e)r.length!==0&&(n+=(n===0?0:t.length)+r.length);return n}function F(e){return I(`{
`,P(e,`
`).indent(),`
}`)}function I(e,t,n=``){return t!=null&&t.length!==0?e===``?t.append(n):new N(e).append(t).append(n):kt}function Nt(e){return e?.some(e=>e.newlines!==0)??!1}function Pt(e,t){return t==null||t.length===0?e:P([e,e.length+Mt(t,`, `)+2>Ot?I(`(
`,P(t,`
`).indent(),`
)`):I(`(`,P(t,`, `),`)`)])}function Ft(e,t){switch(e.kind){case T.NULL:return null;case T.INT:return parseInt(e.value,10);case T.FLOAT:return parseFloat(e.value);case T.STRING:case T.ENUM:case T.BOOLEAN:return e.value;case T.LIST:return e.values.map(e=>Ft(e,t));case T.OBJECT:return mt(e.fields,e=>e.name.value,e=>Ft(e.value,t));case T.VARIABLE:return t?.[e.name.value]}}function L(e){if(e??b(!1,`Must provide name.`),typeof e==`string`||b(!1,`Expected name to be a string.`),e.length===0)throw new x(`Expected name to be a non-empty string.`);for(let t=1;t<e.length;++t)if(!De(e.charCodeAt(t)))throw new x(`Names must only contain [_a-zA-Z0-9] but "${e}" does not.`);if(!Ee(e.charCodeAt(0)))throw new x(`Names must start with [_a-zA-Z] but "${e}" does not.`);return e}function It(e){if(e===`true`||e===`false`||e===`null`)throw new x(`Enum values cannot be named: ${e}`);return L(e)}function Lt(e){return Rt(e)||R(e)||z(e)||zt(e)||B(e)||V(e)||H(e)||U(e)}function Rt(e){return k(e,Yt)}function R(e){return k(e,Xt)}function z(e){return k(e,an)}function zt(e){return k(e,on)}function B(e){return k(e,cn)}function V(e){return k(e,dn)}function H(e){return k(e,W)}function U(e){return k(e,G)}function Bt(e){return Rt(e)||B(e)||V(e)||Wt(e)&&Bt(e.ofType)}function Vt(e){return Rt(e)||B(e)}function Ht(e){return R(e)||z(e)||zt(e)}function Ut(e){return z(e)||zt(e)}var W=class{constructor(e){Lt(e)||b(!1,`Expected ${O(e)} to be a GraphQL type.`),this.ofType=e}get[Symbol.toStringTag](){return`GraphQLList`}toString(){return`[`+String(this.ofType)+`]`}toJSON(){return this.toString()}},G=class{constructor(e){Gt(e)||b(!1,`Expected ${O(e)} to be a GraphQL nullable type.`),this.ofType=e}get[Symbol.toStringTag](){return`GraphQLNonNull`}toString(){return String(this.ofType)+`!`}toJSON(){return this.toString()}};function Wt(e){return H(e)||U(e)}function Gt(e){return Lt(e)&&!U(e)}function Kt(e){if(e)return U(e)?e.ofType:e}function K(e){if(e){let t=e;for(;Wt(t);)t=t.ofType;return t}}function qt(e){return typeof e==`function`?e():e}function Jt(e){return typeof e==`function`?e():e}var Yt=class{constructor(e){let t=e.parseValue??ft;this.name=L(e.name),this.description=e.description,this.specifiedByURL=e.specifiedByURL,this.serialize=e.serialize??ft,this.parseValue=t,this.parseLiteral=e.parseLiteral??((e,n)=>t(Ft(e,n))),this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],e.specifiedByURL==null||typeof e.specifiedByURL==`string`||b(!1,`${this.name} must provide "specifiedByURL" as a string, but got: ${O(e.specifiedByURL)}.`),e.serialize==null||typeof e.serialize==`function`||b(!1,`${this.name} must provide "serialize" function. If this custom Scalar is also used as an input type, ensure "parseValue" and "parseLiteral" functions are also provided.`),e.parseLiteral&&(typeof e.parseValue==`function`&&typeof e.parseLiteral==`function`||b(!1,`${this.name} must provide both "parseValue" and "parseLiteral" functions.`))}get[Symbol.toStringTag](){return`GraphQLScalarType`}toConfig(){return{name:this.name,description:this.description,specifiedByURL:this.specifiedByURL,serialize:this.serialize,parseValue:this.parseValue,parseLiteral:this.parseLiteral,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return this.name}toJSON(){return this.toString()}},Xt=class{constructor(e){this.name=L(e.name),this.description=e.description,this.isTypeOf=e.isTypeOf,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this._fields=()=>Qt(e),this._interfaces=()=>Zt(e),e.isTypeOf==null||typeof e.isTypeOf==`function`||b(!1,`${this.name} must provide "isTypeOf" as a function, but got: ${O(e.isTypeOf)}.`)}get[Symbol.toStringTag](){return`GraphQLObjectType`}getFields(){return typeof this._fields==`function`&&(this._fields=this._fields()),this._fields}getInterfaces(){return typeof this._interfaces==`function`&&(this._interfaces=this._interfaces()),this._interfaces}toConfig(){return{name:this.name,description:this.description,interfaces:this.getInterfaces(),fields:tn(this.getFields()),isTypeOf:this.isTypeOf,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return this.name}toJSON(){return this.toString()}};function Zt(e){let t=qt(e.interfaces??[]);return Array.isArray(t)||b(!1,`${e.name} interfaces must be an Array or a function which returns an Array.`),t}function Qt(e){let t=Jt(e.fields);return en(t)||b(!1,`${e.name} fields must be an object with field names as keys or a function which returns such an object.`),A(t,(t,n)=>{en(t)||b(!1,`${e.name}.${n} field config must be an object.`),t.resolve==null||typeof t.resolve==`function`||b(!1,`${e.name}.${n} field resolver must be a function if provided, but got: ${O(t.resolve)}.`);let r=t.args??{};return en(r)||b(!1,`${e.name}.${n} args must be an object with argument names as keys.`),{name:L(n),description:t.description,type:t.type,args:$t(r),resolve:t.resolve,subscribe:t.subscribe,deprecationReason:t.deprecationReason,extensions:j(t.extensions),astNode:t.astNode}})}function $t(e){return Object.entries(e).map(([e,t])=>({name:L(e),description:t.description,type:t.type,defaultValue:t.defaultValue,deprecationReason:t.deprecationReason,extensions:j(t.extensions),astNode:t.astNode}))}function en(e){return ue(e)&&!Array.isArray(e)}function tn(e){return A(e,e=>({description:e.description,type:e.type,args:nn(e.args),resolve:e.resolve,subscribe:e.subscribe,deprecationReason:e.deprecationReason,extensions:e.extensions,astNode:e.astNode}))}function nn(e){return mt(e,e=>e.name,e=>({description:e.description,type:e.type,defaultValue:e.defaultValue,deprecationReason:e.deprecationReason,extensions:e.extensions,astNode:e.astNode}))}function rn(e){return U(e.type)&&e.defaultValue===void 0}var an=class{constructor(e){this.name=L(e.name),this.description=e.description,this.resolveType=e.resolveType,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this._fields=Qt.bind(void 0,e),this._interfaces=Zt.bind(void 0,e),e.resolveType==null||typeof e.resolveType==`function`||b(!1,`${this.name} must provide "resolveType" as a function, but got: ${O(e.resolveType)}.`)}get[Symbol.toStringTag](){return`GraphQLInterfaceType`}getFields(){return typeof this._fields==`function`&&(this._fields=this._fields()),this._fields}getInterfaces(){return typeof this._interfaces==`function`&&(this._interfaces=this._interfaces()),this._interfaces}toConfig(){return{name:this.name,description:this.description,interfaces:this.getInterfaces(),fields:tn(this.getFields()),resolveType:this.resolveType,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return this.name}toJSON(){return this.toString()}},on=class{constructor(e){this.name=L(e.name),this.description=e.description,this.resolveType=e.resolveType,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this._types=sn.bind(void 0,e),e.resolveType==null||typeof e.resolveType==`function`||b(!1,`${this.name} must provide "resolveType" as a function, but got: ${O(e.resolveType)}.`)}get[Symbol.toStringTag](){return`GraphQLUnionType`}getTypes(){return typeof this._types==`function`&&(this._types=this._types()),this._types}toConfig(){return{name:this.name,description:this.description,types:this.getTypes(),resolveType:this.resolveType,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return this.name}toJSON(){return this.toString()}};function sn(e){let t=qt(e.types);return Array.isArray(t)||b(!1,`Must provide Array of types or a function which returns such an array for Union ${e.name}.`),t}var cn=class{constructor(e){this.name=L(e.name),this.description=e.description,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this._values=typeof e.values==`function`?e.values:un(this.name,e.values),this._valueLookup=null,this._nameLookup=null}get[Symbol.toStringTag](){return`GraphQLEnumType`}getValues(){return typeof this._values==`function`&&(this._values=un(this.name,this._values())),this._values}getValue(e){return this._nameLookup===null&&(this._nameLookup=pt(this.getValues(),e=>e.name)),this._nameLookup[e]}serialize(e){this._valueLookup===null&&(this._valueLookup=new Map(this.getValues().map(e=>[e.value,e])));let t=this._valueLookup.get(e);if(t===void 0)throw new x(`Enum "${this.name}" cannot represent value: ${O(e)}`);return t.name}parseValue(e,t){if(typeof e!=`string`){let n=O(e);throw new x(`Enum "${this.name}" cannot represent non-string value: ${n}.`+(t?``:ln(this,n)))}let n=this.getValue(e);if(n==null)throw new x(`Value "${e}" does not exist in "${this.name}" enum.`+(t?``:ln(this,e)));return n.value}parseLiteral(e,t,n){if(e.kind!==T.ENUM){let t=M(e);throw new x(`Enum "${this.name}" cannot represent non-enum value: ${t}.`+(n?``:ln(this,t)),{nodes:e})}let r=this.getValue(e.value);if(r==null){let t=M(e);throw new x(`Value "${t}" does not exist in "${this.name}" enum.`+(n?``:ln(this,t)),{nodes:e})}return r.value}toConfig(){let e=mt(this.getValues(),e=>e.name,e=>({description:e.description,value:e.value,deprecationReason:e.deprecationReason,extensions:e.extensions,astNode:e.astNode}));return{name:this.name,description:this.description,values:e,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return this.name}toJSON(){return this.toString()}};function ln(e,t){return dt(`the enum value`,yt(t,e.getValues().map(e=>e.name)))}function un(e,t){return en(t)||b(!1,`${e} values must be an object with value names as keys.`),Object.entries(t).map(([t,n])=>(en(n)||b(!1,`${e}.${t} must refer to an object with a "value" key representing an internal value but got: ${O(n)}.`),{name:It(t),description:n.description,value:n.value===void 0?t:n.value,deprecationReason:n.deprecationReason,extensions:j(n.extensions),astNode:n.astNode}))}var dn=class{constructor(e){this.name=L(e.name),this.description=e.description,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this.isOneOf=e.isOneOf??!1,this._fields=fn.bind(void 0,e)}get[Symbol.toStringTag](){return`GraphQLInputObjectType`}getFields(){return typeof this._fields==`function`&&(this._fields=this._fields()),this._fields}toConfig(){let e=A(this.getFields(),e=>({description:e.description,type:e.type,defaultValue:e.defaultValue,deprecationReason:e.deprecationReason,extensions:e.extensions,astNode:e.astNode}));return{name:this.name,description:this.description,fields:e,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes,isOneOf:this.isOneOf}}toString(){return this.name}toJSON(){return this.toString()}};function fn(e){let t=Jt(e.fields);return en(t)||b(!1,`${e.name} fields must be an object with field names as keys or a function which returns such an object.`),A(t,(t,n)=>(!(`resolve`in t)||b(!1,`${e.name}.${n} field has a resolve property, but Input Types cannot define resolvers.`),{name:L(n),description:t.description,type:t.type,defaultValue:t.defaultValue,deprecationReason:t.deprecationReason,extensions:j(t.extensions),astNode:t.astNode}))}function pn(e){return U(e.type)&&e.defaultValue===void 0}function mn(e,t,n){return t===n?!0:U(n)?U(t)?mn(e,t.ofType,n.ofType):!1:U(t)?mn(e,t.ofType,n):H(n)?H(t)?mn(e,t.ofType,n.ofType):!1:!H(t)&&Ut(n)&&(z(t)||R(t))&&e.isSubType(n,t)}function hn(e,t,n){return t===n?!0:Ut(t)?Ut(n)?e.getPossibleTypes(t).some(t=>e.isSubType(n,t)):e.isSubType(t,n):Ut(n)?e.isSubType(n,t):!1}var gn=new Yt({name:`Int`,description:"The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",serialize(e){let t=xn(e);if(typeof t==`boolean`)return+!!t;let n=t;if(typeof t==`string`&&t!==``&&(n=Number(t)),typeof n!=`number`||!Number.isInteger(n))throw new x(`Int cannot represent non-integer value: ${O(t)}`);if(n>0x7fffffff||n<-0x80000000)throw new x(`Int cannot represent non 32-bit signed integer value: `+O(t));return n},parseValue(e){if(typeof e!=`number`||!Number.isInteger(e))throw new x(`Int cannot represent non-integer value: ${O(e)}`);if(e>0x7fffffff||e<-0x80000000)throw new x(`Int cannot represent non 32-bit signed integer value: ${e}`);return e},parseLiteral(e){if(e.kind!==T.INT)throw new x(`Int cannot represent non-integer value: ${M(e)}`,{nodes:e});let t=parseInt(e.value,10);if(t>0x7fffffff||t<-0x80000000)throw new x(`Int cannot represent non 32-bit signed integer value: ${e.value}`,{nodes:e});return t}}),_n=new Yt({name:`Float`,description:"The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",serialize(e){let t=xn(e);if(typeof t==`boolean`)return+!!t;let n=t;if(typeof t==`string`&&t!==``&&(n=Number(t)),typeof n!=`number`||!Number.isFinite(n))throw new x(`Float cannot represent non numeric value: ${O(t)}`);return n},parseValue(e){if(typeof e!=`number`||!Number.isFinite(e))throw new x(`Float cannot represent non numeric value: ${O(e)}`);return e},parseLiteral(e){if(e.kind!==T.FLOAT&&e.kind!==T.INT)throw new x(`Float cannot represent non numeric value: ${M(e)}`,e);return parseFloat(e.value)}}),q=new Yt({name:`String`,description:"The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",serialize(e){let t=xn(e);if(typeof t==`string`)return t;if(typeof t==`boolean`)return t?`true`:`false`;if(typeof t==`number`&&Number.isFinite(t))return t.toString();throw new x(`String cannot represent value: ${O(e)}`)},parseValue(e){if(typeof e!=`string`)throw new x(`String cannot represent a non string value: ${O(e)}`);return e},parseLiteral(e){if(e.kind!==T.STRING)throw new x(`String cannot represent a non string value: ${M(e)}`,{nodes:e});return e.value}}),J=new Yt({name:`Boolean`,description:"The `Boolean` scalar type represents `true` or `false`.",serialize(e){let t=xn(e);if(typeof t==`boolean`)return t;if(Number.isFinite(t))return t!==0;throw new x(`Boolean cannot represent a non boolean value: ${O(t)}`)},parseValue(e){if(typeof e!=`boolean`)throw new x(`Boolean cannot represent a non boolean value: ${O(e)}`);return e},parseLiteral(e){if(e.kind!==T.BOOLEAN)throw new x(`Boolean cannot represent a non boolean value: ${M(e)}`,{nodes:e});return e.value}}),vn=new Yt({name:`ID`,description:'The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `"4"`) or integer (such as `4`) input value will be accepted as an ID.',serialize(e){let t=xn(e);if(typeof t==`string`)return t;if(Number.isInteger(t))return String(t);throw new x(`ID cannot represent value: ${O(e)}`)},parseValue(e){if(typeof e==`string`)return e;if(typeof e==`number`&&Number.isInteger(e))return e.toString();throw new x(`ID cannot represent value: ${O(e)}`)},parseLiteral(e){if(e.kind!==T.STRING&&e.kind!==T.INT)throw new x(`ID cannot represent a non-string and non-integer value: `+M(e),{nodes:e});return e.value}}),yn=Object.freeze([q,gn,_n,J,vn]);function bn(e){return yn.some(({name:t})=>e.name===t)}function xn(e){if(ue(e)){if(typeof e.valueOf==`function`){let t=e.valueOf();if(!ue(t))return t}if(typeof e.toJSON==`function`)return e.toJSON()}return e}function Sn(e){return k(e,Cn)}var Cn=class{constructor(e){this.name=L(e.name),this.description=e.description,this.locations=e.locations,this.isRepeatable=e.isRepeatable??!1,this.deprecationReason=e.deprecationReason,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],Array.isArray(e.locations)||b(!1,`@${e.name} locations must be an Array.`);let t=e.args??{};ue(t)&&!Array.isArray(t)||b(!1,`@${e.name} args must be an object with argument names as keys.`),this.args=$t(t)}get[Symbol.toStringTag](){return`GraphQLDirective`}toConfig(){return{name:this.name,description:this.description,locations:this.locations,args:nn(this.args),isRepeatable:this.isRepeatable,deprecationReason:this.deprecationReason,extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes}}toString(){return`@`+this.name}toJSON(){return this.toString()}},wn=new Cn({name:`include`,description:"Directs the executor to include this field or fragment only when the `if` argument is true.",locations:[w.FIELD,w.FRAGMENT_SPREAD,w.INLINE_FRAGMENT],args:{if:{type:new G(J),description:`Included when true.`}}}),Tn=new Cn({name:`skip`,description:"Directs the executor to skip this field or fragment when the `if` argument is true.",locations:[w.FIELD,w.FRAGMENT_SPREAD,w.INLINE_FRAGMENT],args:{if:{type:new G(J),description:`Skipped when true.`}}}),En=new Cn({name:`deprecated`,description:`Marks an element of a GraphQL schema as no longer supported.`,locations:[w.FIELD_DEFINITION,w.ARGUMENT_DEFINITION,w.INPUT_FIELD_DEFINITION,w.ENUM_VALUE,w.DIRECTIVE_DEFINITION],args:{reason:{type:q,description:`Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).`,defaultValue:`No longer supported`}}}),Dn=new Cn({name:`specifiedBy`,description:`Exposes a URL that specifies the behavior of this scalar.`,locations:[w.SCALAR],args:{url:{type:new G(q),description:`The URL that specifies the behavior of this scalar.`}}}),On=new Cn({name:`oneOf`,description:"Indicates exactly one field must be supplied and this field must not be `null`.",locations:[w.INPUT_OBJECT],args:{}}),kn=Object.freeze([wn,Tn,En,Dn,On]);function Y(e,t){if(!e)throw Error(t??`Unexpected invariant triggered.`)}function An(e){return typeof e==`object`&&typeof e?.[Symbol.iterator]==`function`}function jn(e,t){if(U(t)){let n=jn(e,t.ofType);return n?.kind===T.NULL?null:n}if(e===null)return{kind:T.NULL};if(e===void 0)return null;if(H(t)){let n=t.ofType;if(An(e)){let t=[];for(let r of e){let e=jn(r,n);e!=null&&t.push(e)}return{kind:T.LIST,values:t}}return jn(e,n)}if(V(t)){if(!ue(e))return null;let n=[];for(let r of Object.values(t.getFields())){let t=jn(e[r.name],r.type);t&&n.push({kind:T.OBJECT_FIELD,name:{kind:T.NAME,value:r.name},value:t})}return{kind:T.OBJECT,fields:n}}if(Vt(t)){let n=t.serialize(e);if(n==null)return null;if(typeof n==`boolean`)return{kind:T.BOOLEAN,value:n};if(typeof n==`number`&&Number.isFinite(n)){let e=String(n);return Mn.test(e)?{kind:T.INT,value:e}:{kind:T.FLOAT,value:e}}if(typeof n==`string`)return B(t)?{kind:T.ENUM,value:n}:t===vn&&Mn.test(n)?{kind:T.INT,value:n}:{kind:T.STRING,value:n};throw TypeError(`Cannot convert value to AST: ${O(n)}.`)}Y(!1,`Unexpected input type: `+O(t))}var Mn=/^-?(?:0|[1-9][0-9]*)$/,Nn=new Xt({name:`__Schema`,description:`A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.`,fields:()=>({description:{type:q,resolve:e=>e.description},types:{description:`A list of all types supported by this server.`,type:new G(new W(new G(X))),resolve(e){return Object.values(e.getTypeMap())}},queryType:{description:`The type that query operations will be rooted at.`,type:new G(X),resolve:e=>e.getQueryType()},mutationType:{description:`If this server supports mutation, the type that mutation operations will be rooted at.`,type:X,resolve:e=>e.getMutationType()},subscriptionType:{description:`If this server support subscription, the type that subscription operations will be rooted at.`,type:X,resolve:e=>e.getSubscriptionType()},directives:{description:`A list of all directives supported by this server.`,type:new G(new W(new G(Pn))),args:{includeDeprecated:{type:new G(J),defaultValue:!1}},resolve:(e,{includeDeprecated:t})=>t?e.getDirectives():e.getDirectives().filter(e=>e.deprecationReason==null)}})}),Pn=new Xt({name:`__Directive`,description:`A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.

In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.`,fields:()=>({name:{type:new G(q),resolve:e=>e.name},description:{type:q,resolve:e=>e.description},isRepeatable:{type:new G(J),resolve:e=>e.isRepeatable},locations:{type:new G(new W(new G(Fn))),resolve:e=>e.locations},args:{type:new G(new W(new G(Ln))),args:{includeDeprecated:{type:J,defaultValue:!1}},resolve(e,{includeDeprecated:t}){return t?e.args:e.args.filter(e=>e.deprecationReason==null)}},isDeprecated:{type:new G(J),resolve:e=>e.deprecationReason!=null},deprecationReason:{type:q,resolve:e=>e.deprecationReason}})}),Fn=new cn({name:`__DirectiveLocation`,description:`A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.`,values:{QUERY:{value:w.QUERY,description:`Location adjacent to a query operation.`},MUTATION:{value:w.MUTATION,description:`Location adjacent to a mutation operation.`},SUBSCRIPTION:{value:w.SUBSCRIPTION,description:`Location adjacent to a subscription operation.`},FIELD:{value:w.FIELD,description:`Location adjacent to a field.`},FRAGMENT_DEFINITION:{value:w.FRAGMENT_DEFINITION,description:`Location adjacent to a fragment definition.`},FRAGMENT_SPREAD:{value:w.FRAGMENT_SPREAD,description:`Location adjacent to a fragment spread.`},INLINE_FRAGMENT:{value:w.INLINE_FRAGMENT,description:`Location adjacent to an inline fragment.`},VARIABLE_DEFINITION:{value:w.VARIABLE_DEFINITION,description:`Location adjacent to a variable definition.`},SCHEMA:{value:w.SCHEMA,description:`Location adjacent to a schema definition.`},SCALAR:{value:w.SCALAR,description:`Location adjacent to a scalar definition.`},OBJECT:{value:w.OBJECT,description:`Location adjacent to an object type definition.`},FIELD_DEFINITION:{value:w.FIELD_DEFINITION,description:`Location adjacent to a field definition.`},ARGUMENT_DEFINITION:{value:w.ARGUMENT_DEFINITION,description:`Location adjacent to an argument definition.`},INTERFACE:{value:w.INTERFACE,description:`Location adjacent to an interface definition.`},UNION:{value:w.UNION,description:`Location adjacent to a union definition.`},ENUM:{value:w.ENUM,description:`Location adjacent to an enum definition.`},ENUM_VALUE:{value:w.ENUM_VALUE,description:`Location adjacent to an enum value definition.`},INPUT_OBJECT:{value:w.INPUT_OBJECT,description:`Location adjacent to an input object type definition.`},INPUT_FIELD_DEFINITION:{value:w.INPUT_FIELD_DEFINITION,description:`Location adjacent to an input object field definition.`},DIRECTIVE_DEFINITION:{value:w.DIRECTIVE_DEFINITION,description:`Location adjacent to a directive definition.`}}}),X=new Xt({name:`__Type`,description:"The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",fields:()=>({kind:{type:new G(zn),resolve(e){if(Rt(e))return Z.SCALAR;if(R(e))return Z.OBJECT;if(z(e))return Z.INTERFACE;if(zt(e))return Z.UNION;if(B(e))return Z.ENUM;if(V(e))return Z.INPUT_OBJECT;if(H(e))return Z.LIST;if(U(e))return Z.NON_NULL;Y(!1,`Unexpected type: "${O(e)}".`)}},name:{type:q,resolve:e=>`name`in e?e.name:void 0},description:{type:q,resolve:e=>`description`in e?e.description:void 0},specifiedByURL:{type:q,resolve:e=>`specifiedByURL`in e?e.specifiedByURL:void 0},fields:{type:new W(new G(In)),args:{includeDeprecated:{type:J,defaultValue:!1}},resolve(e,{includeDeprecated:t}){if(R(e)||z(e)){let n=Object.values(e.getFields());return t?n:n.filter(e=>e.deprecationReason==null)}}},interfaces:{type:new W(new G(X)),resolve(e){if(R(e)||z(e))return e.getInterfaces()}},possibleTypes:{type:new W(new G(X)),resolve(e,t,n,{schema:r}){if(Ut(e))return r.getPossibleTypes(e)}},enumValues:{type:new W(new G(Rn)),args:{includeDeprecated:{type:J,defaultValue:!1}},resolve(e,{includeDeprecated:t}){if(B(e)){let n=e.getValues();return t?n:n.filter(e=>e.deprecationReason==null)}}},inputFields:{type:new W(new G(Ln)),args:{includeDeprecated:{type:J,defaultValue:!1}},resolve(e,{includeDeprecated:t}){if(V(e)){let n=Object.values(e.getFields());return t?n:n.filter(e=>e.deprecationReason==null)}}},ofType:{type:X,resolve:e=>`ofType`in e?e.ofType:void 0},isOneOf:{type:J,resolve:e=>{if(V(e))return e.isOneOf}}})}),In=new Xt({name:`__Field`,description:`Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.`,fields:()=>({name:{type:new G(q),resolve:e=>e.name},description:{type:q,resolve:e=>e.description},args:{type:new G(new W(new G(Ln))),args:{includeDeprecated:{type:J,defaultValue:!1}},resolve(e,{includeDeprecated:t}){return t?e.args:e.args.filter(e=>e.deprecationReason==null)}},type:{type:new G(X),resolve:e=>e.type},isDeprecated:{type:new G(J),resolve:e=>e.deprecationReason!=null},deprecationReason:{type:q,resolve:e=>e.deprecationReason}})}),Ln=new Xt({name:`__InputValue`,description:`Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.`,fields:()=>({name:{type:new G(q),resolve:e=>e.name},description:{type:q,resolve:e=>e.description},type:{type:new G(X),resolve:e=>e.type},defaultValue:{type:q,description:`A GraphQL-formatted string representing the default value for this input value.`,resolve(e){let{type:t,defaultValue:n}=e,r=jn(n,t);return r?Dt(r):null}},isDeprecated:{type:new G(J),resolve:e=>e.deprecationReason!=null},deprecationReason:{type:q,resolve:e=>e.deprecationReason}})}),Rn=new Xt({name:`__EnumValue`,description:`One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.`,fields:()=>({name:{type:new G(q),resolve:e=>e.name},description:{type:q,resolve:e=>e.description},isDeprecated:{type:new G(J),resolve:e=>e.deprecationReason!=null},deprecationReason:{type:q,resolve:e=>e.deprecationReason}})}),Z;(function(e){e.SCALAR=`SCALAR`,e.OBJECT=`OBJECT`,e.INTERFACE=`INTERFACE`,e.UNION=`UNION`,e.ENUM=`ENUM`,e.INPUT_OBJECT=`INPUT_OBJECT`,e.LIST=`LIST`,e.NON_NULL=`NON_NULL`})(Z||={});var zn=new cn({name:`__TypeKind`,description:"An enum describing what kind of type a given `__Type` is.",values:{SCALAR:{value:Z.SCALAR,description:`Indicates this type is a scalar.`},OBJECT:{value:Z.OBJECT,description:"Indicates this type is an object. `fields` and `interfaces` are valid fields."},INTERFACE:{value:Z.INTERFACE,description:"Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."},UNION:{value:Z.UNION,description:"Indicates this type is a union. `possibleTypes` is a valid field."},ENUM:{value:Z.ENUM,description:"Indicates this type is an enum. `enumValues` is a valid field."},INPUT_OBJECT:{value:Z.INPUT_OBJECT,description:"Indicates this type is an input object. `inputFields` is a valid field."},LIST:{value:Z.LIST,description:"Indicates this type is a list. `ofType` is a valid field."},NON_NULL:{value:Z.NON_NULL,description:"Indicates this type is a non-null. `ofType` is a valid field."}}});new G(Nn),new G(q),new G(q);var Bn=Object.freeze([Nn,Pn,Fn,X,In,Ln,Rn,zn]);function Vn(e){return Bn.some(({name:t})=>e.name===t)}var Hn=class{constructor(e){this.__validationErrors=e.assumeValid===!0?[]:void 0,ue(e)||b(!1,`Must provide configuration object.`),!e.types||Array.isArray(e.types)||b(!1,`"types" must be Array if provided but got: ${O(e.types)}.`),!e.directives||Array.isArray(e.directives)||b(!1,`"directives" must be Array if provided but got: ${O(e.directives)}.`),this.description=e.description,this.extensions=j(e.extensions),this.astNode=e.astNode,this.extensionASTNodes=e.extensionASTNodes??[],this._queryType=e.query,this._mutationType=e.mutation,this._subscriptionType=e.subscription,this._directives=e.directives??kn;let t=new Set(e.types);if(e.types!=null)for(let n of e.types)t.delete(n),Q(n,t);this._queryType!=null&&Q(this._queryType,t),this._mutationType!=null&&Q(this._mutationType,t),this._subscriptionType!=null&&Q(this._subscriptionType,t);for(let e of this._directives)if(Sn(e))for(let n of e.args)Q(n.type,t);Q(Nn,t),this._typeMap=Object.create(null),this._subTypeMap=Object.create(null),this._implementationsMap=Object.create(null);for(let e of t){if(e==null)continue;let t=e.name;if(t||b(!1,`One of the provided types for building the Schema is missing a name.`),this._typeMap[t]!==void 0)throw Error(`Schema must contain uniquely named types but contains multiple types named "${t}".`);if(this._typeMap[t]=e,z(e)){for(let t of e.getInterfaces())if(z(t)){let n=this._implementationsMap[t.name];n===void 0&&(n=this._implementationsMap[t.name]={objects:[],interfaces:[]}),n.interfaces.push(e)}}else if(R(e)){for(let t of e.getInterfaces())if(z(t)){let n=this._implementationsMap[t.name];n===void 0&&(n=this._implementationsMap[t.name]={objects:[],interfaces:[]}),n.objects.push(e)}}}}get[Symbol.toStringTag](){return`GraphQLSchema`}getQueryType(){return this._queryType}getMutationType(){return this._mutationType}getSubscriptionType(){return this._subscriptionType}getRootType(e){switch(e){case C.QUERY:return this.getQueryType();case C.MUTATION:return this.getMutationType();case C.SUBSCRIPTION:return this.getSubscriptionType()}}getTypeMap(){return this._typeMap}getType(e){return this.getTypeMap()[e]}getPossibleTypes(e){return zt(e)?e.getTypes():this.getImplementations(e).objects}getImplementations(e){return this._implementationsMap[e.name]??{objects:[],interfaces:[]}}isSubType(e,t){let n=this._subTypeMap[e.name];if(n===void 0){if(n=Object.create(null),zt(e))for(let t of e.getTypes())n[t.name]=!0;else{let t=this.getImplementations(e);for(let e of t.objects)n[e.name]=!0;for(let e of t.interfaces)n[e.name]=!0}this._subTypeMap[e.name]=n}return n[t.name]!==void 0}getDirectives(){return this._directives}getDirective(e){return this.getDirectives().find(t=>t.name===e)}toConfig(){return{description:this.description,query:this.getQueryType(),mutation:this.getMutationType(),subscription:this.getSubscriptionType(),types:Object.values(this.getTypeMap()),directives:this.getDirectives(),extensions:this.extensions,astNode:this.astNode,extensionASTNodes:this.extensionASTNodes,assumeValid:this.__validationErrors!==void 0}}};function Q(e,t){let n=K(e);if(!t.has(n)){if(t.add(n),zt(n))for(let e of n.getTypes())Q(e,t);else if(R(n)||z(n)){for(let e of n.getInterfaces())Q(e,t);for(let e of Object.values(n.getFields())){Q(e.type,t);for(let n of e.args)Q(n.type,t)}}else if(V(n))for(let e of Object.values(n.getFields()))Q(e.type,t)}return t}var Un=Object.freeze({});function Wn(e,t,n=be){let r=new Map;for(let e of Object.values(T))r.set(e,Kn(t,e));let i,a=Array.isArray(e),o=[e],s=-1,c=[],l=e,u,d,f=[],p=[];do{s++;let e=s===o.length,m=e&&c.length!==0;if(e){if(u=p.length===0?void 0:f[f.length-1],l=d,d=p.pop(),m){if(a){l=l.slice();let e=0;for(let[t,n]of c){let r=t-e;n===null?(l.splice(r,1),e++):l[r]=n}}else{l={...l};for(let[e,t]of c)l[e]=t}}s=i.index,o=i.keys,c=i.edits,a=i.inArray,i=i.prev}else if(d){if(u=a?s:o[s],l=d[u],l==null)continue;f.push(u)}let h;if(!Array.isArray(l)){if(Se(l)||b(!1,`Invalid AST Node: ${O(l)}.`),h=(e?r.get(l.kind)?.leave:r.get(l.kind)?.enter)?.call(t,l,u,d,f,p),h===Un)break;if(h===!1){if(!e){f.pop();continue}}else if(h!==void 0&&(c.push([u,h]),!e)){if(Se(h))l=h;else{f.pop();continue}}}h===void 0&&m&&c.push([u,l]),e?f.pop():(i={inArray:a,index:s,keys:o,edits:c,prev:i},a=Array.isArray(l),o=a?l:n[l.kind]??[],s=-1,c=[],d&&p.push(d),d=l)}while(i!==void 0);return c.length===0?e:c[c.length-1][1]}function Gn(e){let t=Array(e.length).fill(null),n=Object.create(null);for(let r of Object.values(T)){let i=!1,a=Array(e.length).fill(void 0),o=Array(e.length).fill(void 0);for(let t=0;t<e.length;++t){let{enter:n,leave:s}=Kn(e[t],r);i||=n!=null||s!=null,a[t]=n,o[t]=s}i&&(n[r]={enter(...n){let r=n[0];for(let i=0;i<e.length;i++)if(t[i]===null){let o=a[i]?.apply(e[i],n);if(o===!1)t[i]=r;else if(o===Un)t[i]=Un;else if(o!==void 0)return o}},leave(...n){let r=n[0];for(let i=0;i<e.length;i++)if(t[i]===null){let r=o[i]?.apply(e[i],n);if(r===Un)t[i]=Un;else if(r!==void 0&&r!==!1)return r}else t[i]===r&&(t[i]=null)}})}return n}function Kn(e,t){let n=e[t];return typeof n==`object`?n:typeof n==`function`?{enter:n,leave:void 0}:{enter:e.enter,leave:e.leave}}function $(e,t){switch(t.kind){case T.LIST_TYPE:{let n=$(e,t.type);return n&&new W(n)}case T.NON_NULL_TYPE:{let n=$(e,t.type);return n&&new G(n)}case T.NAMED_TYPE:return e.getType(t.name.value)}}function qn(e){return e.kind===T.OPERATION_DEFINITION||e.kind===T.FRAGMENT_DEFINITION}function Jn(e){return e.kind===T.SCHEMA_DEFINITION||Yn(e)||e.kind===T.DIRECTIVE_DEFINITION}function Yn(e){return e.kind===T.SCALAR_TYPE_DEFINITION||e.kind===T.OBJECT_TYPE_DEFINITION||e.kind===T.INTERFACE_TYPE_DEFINITION||e.kind===T.UNION_TYPE_DEFINITION||e.kind===T.ENUM_TYPE_DEFINITION||e.kind===T.INPUT_OBJECT_TYPE_DEFINITION}function Xn(e){return e.kind===T.SCHEMA_EXTENSION||e.kind===T.DIRECTIVE_EXTENSION||Zn(e)}function Zn(e){return e.kind===T.SCALAR_TYPE_EXTENSION||e.kind===T.OBJECT_TYPE_EXTENSION||e.kind===T.INTERFACE_TYPE_EXTENSION||e.kind===T.UNION_TYPE_EXTENSION||e.kind===T.ENUM_TYPE_EXTENSION||e.kind===T.INPUT_OBJECT_TYPE_EXTENSION}function Qn(e){return{Document(t){for(let n of t.definitions)if(!qn(n)){let t=n.kind===T.SCHEMA_DEFINITION||n.kind===T.SCHEMA_EXTENSION?`schema`:`"`+n.name.value+`"`;e.reportError(new x(`The ${t} definition is not executable.`,{nodes:n}))}return!1}}}function $n(e){return{Field(t){let n=e.getParentType();if(n&&!e.getFieldDef()){let r=e.getSchema(),i=t.name.value,a=dt(`to use an inline fragment on`,e.hideSuggestions?[]:er(r,n,i));a===``&&(a=dt(e.hideSuggestions?[]:tr(n,i))),e.reportError(new x(`Cannot query field "${i}" on type "${n.name}".`+a,{nodes:t}))}}}}function er(e,t,n){if(!Ut(t))return[];let r=new Set,i=Object.create(null);for(let a of e.getPossibleTypes(t))if(a.getFields()[n]){r.add(a),i[a.name]=1;for(let e of a.getInterfaces())e.getFields()[n]&&(r.add(e),i[e.name]=(i[e.name]??0)+1)}return[...r].sort((t,n)=>{let r=i[n.name]-i[t.name];return r===0?z(t)&&e.isSubType(t,n)?-1:z(n)&&e.isSubType(n,t)?1:ht(t.name,n.name):r}).map(e=>e.name)}function tr(e,t){return R(e)||z(e)?yt(t,Object.keys(e.getFields())):[]}function nr(e){return{InlineFragment(t){let n=t.typeCondition;if(n){let t=$(e.getSchema(),n);if(t&&!Ht(t)){let t=Dt(n);e.reportError(new x(`Fragment cannot condition on non composite type "${t}".`,{nodes:n}))}}},FragmentDefinition(t){let n=$(e.getSchema(),t.typeCondition);if(n&&!Ht(n)){let n=Dt(t.typeCondition);e.reportError(new x(`Fragment "${t.name.value}" cannot condition on non composite type "${n}".`,{nodes:t.typeCondition}))}}}}function rr(e){return{...ir(e),Argument(t){let n=e.getArgument(),r=e.getFieldDef(),i=e.getParentType();if(!n&&r&&i){let n=t.name.value,a=e.hideSuggestions?[]:yt(n,r.args.map(e=>e.name));e.reportError(new x(`Unknown argument "${n}" on field "${i.name}.${r.name}".`+dt(a),{nodes:t}))}}}}function ir(e){let t=Object.create(null),n=e.getSchema(),r=n?n.getDirectives():kn;for(let e of r)t[e.name]=new Set(e.args.map(e=>e.name));let i=e.getDocument().definitions;for(let e of i)if(e.kind===T.DIRECTIVE_DEFINITION){let n=e.arguments??[];t[e.name.value]=new Set(n.map(e=>e.name.value))}return{Directive(n){let r=n.name.value,i=t[r];if(n.arguments&&i)for(let t of n.arguments){let n=t.name.value;if(!i.has(n)){let a=e.hideSuggestions?[]:yt(n,Array.from(i));e.reportError(new x(`Unknown argument "${n}" on directive "@${r}".`+(e.hideSuggestions?``:dt(a)),{nodes:t}))}}return!1}}}function ar(e){let t=Object.create(null),n=e.getSchema(),r=n?n.getDirectives():kn;for(let e of r)t[e.name]=e.locations;let i=e.getDocument().definitions;for(let e of i)e.kind===T.DIRECTIVE_DEFINITION&&(t[e.name.value]=e.locations.map(e=>e.value));return{Directive(n,r,i,a,o){let s=n.name.value,c=t[s];if(!c){e.reportError(new x(`Unknown directive "@${s}".`,{nodes:n}));return}let l=or(o);l&&!c.includes(l)&&e.reportError(new x(`Directive "@${s}" may not be used on ${l}.`,{nodes:n}))}}}function or(e){let t=e[e.length-1];switch(`kind`in t||Y(!1),t.kind){case T.OPERATION_DEFINITION:return sr(t.operation);case T.FIELD:return w.FIELD;case T.FRAGMENT_SPREAD:return w.FRAGMENT_SPREAD;case T.INLINE_FRAGMENT:return w.INLINE_FRAGMENT;case T.FRAGMENT_DEFINITION:return w.FRAGMENT_DEFINITION;case T.VARIABLE_DEFINITION:return w.VARIABLE_DEFINITION;case T.SCHEMA_DEFINITION:case T.SCHEMA_EXTENSION:return w.SCHEMA;case T.SCALAR_TYPE_DEFINITION:case T.SCALAR_TYPE_EXTENSION:return w.SCALAR;case T.OBJECT_TYPE_DEFINITION:case T.OBJECT_TYPE_EXTENSION:return w.OBJECT;case T.FIELD_DEFINITION:return w.FIELD_DEFINITION;case T.INTERFACE_TYPE_DEFINITION:case T.INTERFACE_TYPE_EXTENSION:return w.INTERFACE;case T.UNION_TYPE_DEFINITION:case T.UNION_TYPE_EXTENSION:return w.UNION;case T.ENUM_TYPE_DEFINITION:case T.ENUM_TYPE_EXTENSION:return w.ENUM;case T.ENUM_VALUE_DEFINITION:return w.ENUM_VALUE;case T.INPUT_OBJECT_TYPE_DEFINITION:case T.INPUT_OBJECT_TYPE_EXTENSION:return w.INPUT_OBJECT;case T.INPUT_VALUE_DEFINITION:{let t=e[e.length-3];return`kind`in t||Y(!1),t.kind===T.INPUT_OBJECT_TYPE_DEFINITION?w.INPUT_FIELD_DEFINITION:w.ARGUMENT_DEFINITION}case T.DIRECTIVE_DEFINITION:case T.DIRECTIVE_EXTENSION:return w.DIRECTIVE_DEFINITION;default:Y(!1,`Unexpected kind: `+O(t.kind))}}function sr(e){switch(e){case C.QUERY:return w.QUERY;case C.MUTATION:return w.MUTATION;case C.SUBSCRIPTION:return w.SUBSCRIPTION}}function cr(e){return{FragmentSpread(t){let n=t.name.value;e.getFragment(n)||e.reportError(new x(`Unknown fragment "${n}".`,{nodes:t.name}))}}}function lr(e){let t=e.getSchema(),n=t?t.getTypeMap():Object.create(null),r=Object.create(null);for(let t of e.getDocument().definitions)Yn(t)&&(r[t.name.value]=!0);let i=[...Object.keys(n),...Object.keys(r)];return{NamedType(t,a,o,s,c){let l=t.name.value;if(!n[l]&&!r[l]){let n=c[2]??o,r=n!=null&&dr(n);if(r&&ur.includes(l))return;let a=e.hideSuggestions?[]:yt(l,r?ur.concat(i):i);e.reportError(new x(`Unknown type "${l}".`+dt(a),{nodes:t}))}}}}var ur=[...yn,...Bn].map(e=>e.name);function dr(e){return`kind`in e&&(Jn(e)||Xn(e))}function fr(e){let t=0;return{Document(e){t=e.definitions.filter(e=>e.kind===T.OPERATION_DEFINITION).length},OperationDefinition(n){!n.name&&t>1&&e.reportError(new x(`This anonymous operation must be the only defined operation.`,{nodes:n}))}}}function pr(e){let t=e.getSchema(),n=t?.astNode??t?.getQueryType()??t?.getMutationType()??t?.getSubscriptionType(),r=0;return{SchemaDefinition(t){n?e.reportError(new x(`Cannot define a new schema within a schema extension.`,{nodes:t})):(r>0&&e.reportError(new x(`Must provide only one schema definition.`,{nodes:t})),++r)}}}var mr=3;function hr(e){let t=Object.create(null),n=Object.create(null);function r(i,a,o=0){if(i.kind===T.FRAGMENT_SPREAD){let s=i.name.value,c=n[s];if(c!==void 0&&c<=o)return!0;let l=a[s],u=t[s];if(l!==void 0&&l>=o||u!==void 0&&u>=o)return!1;let d=e.getFragment(s);return d?(a[s]=o,r(d,a,o)?(n[s]=o,!0):(t[s]=o,!1)):!1}if(i.kind===T.FIELD&&(i.name.value===`fields`||i.name.value===`interfaces`||i.name.value===`possibleTypes`||i.name.value===`inputFields`)&&(o++,o>=mr))return!0;if(`selectionSet`in i&&i.selectionSet){for(let e of i.selectionSet.selections)if(r(e,a,o))return!0}return!1}return{Field(t){if((t.name.value===`__schema`||t.name.value===`__type`)&&r(t,Object.create(null)))return e.reportError(new x(`Maximum introspection depth exceeded`,{nodes:[t]})),!1}}}function gr(e){let t=Object.create(null),n=[],r=Object.create(null);return{OperationDefinition:()=>!1,FragmentDefinition(e){return i(e),!1}};function i(a){if(t[a.name.value])return;let o=a.name.value;t[o]=!0;let s=e.getFragmentSpreads(a.selectionSet);if(s.length!==0){r[o]=n.length;for(let t of s){let a=t.name.value,o=r[a];if(n.push(t),o===void 0){let t=e.getFragment(a);t&&i(t)}else{let t=n.slice(o),r=t.slice(0,-1).map(e=>`"`+e.name.value+`"`).join(`, `);e.reportError(new x(`Cannot spread fragment "${a}" within itself`+(r===``?`.`:` via ${r}.`),{nodes:t}))}n.pop()}r[o]=void 0}}}function _r(e){let t=Object.create(null);return{OperationDefinition:{enter(){t=Object.create(null)},leave(n){let r=e.getRecursiveVariableUsages(n);for(let{node:i}of r){let r=i.name.value;t[r]!==!0&&e.reportError(new x(n.name?`Variable "$${r}" is not defined by operation "${n.name.value}".`:`Variable "$${r}" is not defined.`,{nodes:[i,n]}))}}},VariableDefinition(e){t[e.variable.name.value]=!0}}}function vr(e){let t=[],n=[];return{OperationDefinition(e){return t.push(e),!1},FragmentDefinition(e){return n.push(e),!1},Document:{leave(){let r=new Set(e.getRecursivelyReferencedFragmentsForOperations(t).map(e=>e.name.value));for(let t of n){let n=t.name.value;r.has(n)||e.reportError(new x(`Fragment "${n}" is never used.`,{nodes:t}))}}}}}function yr(e){let t=[];return{OperationDefinition:{enter(){t=[]},leave(n){let r=Object.create(null),i=e.getRecursiveVariableUsages(n);for(let{node:e}of i)r[e.name.value]=!0;for(let i of t){let t=i.variable.name.value;r[t]!==!0&&e.reportError(new x(n.name?`Variable "$${t}" is never used in operation "${n.name.value}".`:`Variable "$${t}" is never used.`,{nodes:i}))}}},VariableDefinition(e){t.push(e)}}}var br=new x(`Validation aborted.`),xr=1e3,Sr=20,Cr=5e5;function wr(e){let t={comparedFragmentPairs:new Gr,cachedCollectFieldsResults:new Map,stringifiedValues:new Map,remainingComplexityBudget:Cr};return{SelectionSet(n,r,i){if(i&&`kind`in i&&i.kind===T.INLINE_FRAGMENT||n.selections.length<=1&&n.selections[0]?.kind!==T.INLINE_FRAGMENT)return;let a=Tr(e,t,e.getParentType(),n);for(let{responseName:t,reason:n,fields1:r,fields2:i}of a)e.reportError(new x(`Fields "${Ur(t)}" conflict because ${n}. Use different aliases on the fields to fetch both if this was intentional.`,{nodes:r.concat(i)}))}}}function Tr(e,t,n,r){let i=[],a=Rr(e,t,n,r);if(kr(e,i,t,a.groupedFieldSet),a.fragmentNames.length!==0&&(a.groupedFieldSet.size!==0||a.fragmentNames.length>1))for(let n=0;n<a.fragmentNames.length;n++){Er(e,i,t,!1,a,a.fragmentNames[n]);for(let r=n+1;r<a.fragmentNames.length;r++)Dr(e,i,t,!1,a.fragmentNames[n],a.fragmentNames[r])}return i}function Er(e,t,n,r,i,a){if(Wr(n,1),i.groupedFieldSet.size===0)return;let o=i.comparedFragments??=new Map,s=o.get(a);if(s===!1||r&&s===!0)return;o.set(a,r);let c=e.getFragment(a);if(!c)return;let l=zr(e,n,c);if(i!==l){Ar(e,t,n,r,i,l);for(let a of l.fragmentNames)Er(e,t,n,r,i,a)}}function Dr(e,t,n,r,i,a){Wr(n,2);let{comparedFragmentPairs:o}=n;if(i===a||o.has(i,a,r))return;o.add(i,a,r);let s=e.getFragment(i),c=e.getFragment(a);if(!s||!c)return;let l=zr(e,n,s),u=zr(e,n,c);Ar(e,t,n,r,l,u);for(let a of u.fragmentNames)Dr(e,t,n,r,i,a);for(let i of l.fragmentNames)Dr(e,t,n,r,i,a)}function Or(e,t,n,r,i,a,o){let s=[],c=Rr(e,t,r,i),l=Rr(e,t,a,o);Ar(e,s,t,n,c,l);for(let r of l.fragmentNames)Er(e,s,t,n,c,r);for(let r of c.fragmentNames)Er(e,s,t,n,l,r);for(let r of c.fragmentNames)for(let i of l.fragmentNames)Dr(e,s,t,n,r,i);return s}function kr(e,t,n,r){for(let[i,a]of r)if(a.length>1)for(let r=0;r<a.length;r++)for(let o=r+1;o<a.length;o++){let s=Mr(e,n,!1,i,a[r],a[o]);s&&t.push(s)}}function Ar(e,t,n,r,i,a){if(i.groupedFieldSet.size!==0&&a.groupedFieldSet.size!==0)for(let{responseName:o,fields1:s,fields2:c}of jr(n,i,a))for(let i of s)for(let a of c){let s=Mr(e,n,r,o,i,a);s&&t.push(s)}}function jr(e,t,n){let r=t.overlappingFields??=new Map,i=r.get(n);if(i!==void 0)return i;let a=[];for(let[r,i]of t.groupedFieldSet){Wr(e,1);let t=n.groupedFieldSet.get(r);t!==void 0&&a.push({responseName:r,fields1:i,fields2:t})}return r.set(n,a),a}function Mr(e,t,n,r,i,a){let{parentType:o,node:s,definition:c}=i,{parentType:l,node:u,definition:d}=a,f=n||o!==l&&R(o)&&R(l);if(Wr(t,2),i.isSimpleLeaf&&a.isSimpleLeaf&&c?.type===d?.type&&s.name.value===u.name.value)return;if(!f){let e=Nr(i),n=Nr(a),o=e.comparisons.get(n);if(o===void 0){let r=s.name.value,i=u.name.value;o=r===i?Fr(t,e.arguments,n.arguments)?null:`they have differing arguments`:`"${Ur(r)}" and "${Ur(i)}" are different fields`,e.comparisons.set(n,o)}if(o!==null)return{responseName:r,reason:o,fields1:[s],fields2:[u]}}let p=c?.type,m=d?.type;if(p&&m&&Lr(t,p,m)){let e=Nr(i),t=Nr(a);return{responseName:r,reason:`they return conflicting types "${e.typeString??=O(p)}" and "${t.typeString??=O(m)}"`,fields1:[s],fields2:[u]}}let h=s.selectionSet,ee=u.selectionSet;if(h&&ee)return Vr(Or(e,t,f,Nr(i).namedType,h,Nr(a).namedType,ee),r,s,u)}function Nr(e){return e.info===void 0&&(e.info={comparisons:new Map,namedType:K(e.definition?.type),arguments:Pr(e.node.arguments)}),e.info}function Pr(e){if(e===void 0||e.length===0)return;let t=new Map;for(let{name:n,value:r}of e)t.set(n.value,r);return{nodes:e,values:t}}function Fr(e,t,n){if(t===void 0)return n===void 0;if(t.nodes.length!==n?.nodes.length)return!1;let r=n.values;return t.nodes.every(t=>{Wr(e,1);let n=r.get(t.name.value);return n!==void 0&&Ir(e,t.value)===Ir(e,n)})}function Ir(e,t){let n=e.stringifiedValues.get(t);if(n!==void 0)return n;let r=JSON.stringify(t,(e,t)=>{if(!Se(t))return t;switch(t.kind){case T.VARIABLE:return[t.kind,t.name.value];case T.OBJECT:return[t.kind,t.fields.slice().sort((e,t)=>e.name.value<t.name.value?-1:+(e.name.value>t.name.value))];case T.OBJECT_FIELD:return[t.name.value,t.value];case T.LIST:return[t.kind,t.values];case T.STRING:return[t.kind,t.value,t.block===!0];default:return[t.kind,`value`in t?t.value:null]}});return e.stringifiedValues.set(t,r),r}function Lr(e,t,n){return t!==n&&(Wr(e,1),H(t)?!H(n)||Lr(e,t.ofType,n.ofType):H(n)?!0:U(t)?!U(n)||Lr(e,t.ofType,n.ofType):U(n)?!0:Vt(t)||Vt(n)?t!==n:!1)}function Rr(e,t,n,r){let{cachedCollectFieldsResults:i}=t,a=i.get(n);a===void 0&&(a=new Map,i.set(n,a));let o=a.get(r);if(o)return o;let s=new Map,c=new Set;Br(e,n,r,s,c);let l={groupedFieldSet:s,fragmentNames:[...c]};return a.set(r,l),l}function zr(e,t,n){return Rr(e,t,$(e.getSchema(),n.typeCondition),n.selectionSet)}function Br(e,t,n,r,i){for(let a of n.selections)switch(a.kind){case T.FIELD:{let e=a.name.value,n;(R(t)||z(t))&&(n=t.getFields()[e]);let i=a.alias?a.alias.value:e,o=r.get(i);o===void 0&&(o=[],r.set(i,o)),o.push({parentType:t,node:a,definition:n,isSimpleLeaf:(a.arguments?.length??0)===0&&!a.selectionSet});break}case T.FRAGMENT_SPREAD:i.add(a.name.value);break;case T.INLINE_FRAGMENT:{let n=a.typeCondition;Br(e,n?$(e.getSchema(),n):t,a.selectionSet,r,i);break}}}function Vr(e,t,n,r){if(e.length>0){let i=``;for(let{responseName:t,reason:n}of e)if(i+=(i===``?``:` and `)+`subfields "${Ur(t)}" conflict because ${n}`,i.length>xr)break;return{responseName:t,reason:Ur(i),fields1:Hr(n,e,`fields1`),fields2:Hr(r,e,`fields2`)}}}function Hr(e,t,n){let r=[e];for(let e of t){let t=Sr-r.length,i=e[n].slice(-t);if(r.push(...i),r.length===Sr)break}return r}function Ur(e){return e.length>xr?e.slice(0,xr)+`...`:e}function Wr(e,t){if(e.remainingComplexityBudget-=t,e.remainingComplexityBudget<0)throw br}var Gr=class{constructor(){this._data=new Map}has(e,t,n){return this._has(e,t,n)||this._has(t,e,n)}_has(e,t,n){let r=this._data.get(e)?.get(t);return r===void 0?!1:n?!0:n===r}add(e,t,n){let r=this._data.get(e);r===void 0?this._data.set(e,new Map([[t,n]])):r.set(t,n)}};function Kr(e){return{InlineFragment(t){let n=e.getType(),r=e.getParentType();if(Ht(n)&&Ht(r)&&!hn(e.getSchema(),n,r)){let i=O(r),a=O(n);e.reportError(new x(`Fragment cannot be spread here as objects of type "${i}" can never be of type "${a}".`,{nodes:t}))}},FragmentSpread(t){let n=t.name.value,r=qr(e,n),i=e.getParentType();if(r&&i&&!hn(e.getSchema(),r,i)){let a=O(i),o=O(r);e.reportError(new x(`Fragment "${n}" cannot be spread here as objects of type "${a}" can never be of type "${o}".`,{nodes:t}))}}}}function qr(e,t){let n=e.getFragment(t);if(n){let t=$(e.getSchema(),n.typeCondition);if(Ht(t))return t}}function Jr(e){let t=e.getSchema(),n=Object.create(null);for(let t of e.getDocument().definitions)Yn(t)&&(n[t.name.value]=t);return{ScalarTypeExtension:r,ObjectTypeExtension:r,InterfaceTypeExtension:r,UnionTypeExtension:r,EnumTypeExtension:r,InputObjectTypeExtension:r};function r(r){let i=r.name.value,a=n[i],o=t?.getType(i),s;if(a?s=Yr[a.kind]:o&&(s=Xr(o)),s){if(s!==r.kind){let t=Zr(r.kind);e.reportError(new x(`Cannot extend non-${t} type "${i}".`,{nodes:a?[a,r]:r}))}}else{let a=yt(i,Object.keys({...n,...t?.getTypeMap()}));e.reportError(new x(`Cannot extend type "${i}" because it is not defined.`+dt(a),{nodes:r.name}))}}}var Yr={[T.SCALAR_TYPE_DEFINITION]:T.SCALAR_TYPE_EXTENSION,[T.OBJECT_TYPE_DEFINITION]:T.OBJECT_TYPE_EXTENSION,[T.INTERFACE_TYPE_DEFINITION]:T.INTERFACE_TYPE_EXTENSION,[T.UNION_TYPE_DEFINITION]:T.UNION_TYPE_EXTENSION,[T.ENUM_TYPE_DEFINITION]:T.ENUM_TYPE_EXTENSION,[T.INPUT_OBJECT_TYPE_DEFINITION]:T.INPUT_OBJECT_TYPE_EXTENSION};function Xr(e){if(Rt(e))return T.SCALAR_TYPE_EXTENSION;if(R(e))return T.OBJECT_TYPE_EXTENSION;if(z(e))return T.INTERFACE_TYPE_EXTENSION;if(zt(e))return T.UNION_TYPE_EXTENSION;if(B(e))return T.ENUM_TYPE_EXTENSION;if(V(e))return T.INPUT_OBJECT_TYPE_EXTENSION;Y(!1,`Unexpected type: `+O(e))}function Zr(e){switch(e){case T.SCALAR_TYPE_EXTENSION:return`scalar`;case T.OBJECT_TYPE_EXTENSION:return`object`;case T.INTERFACE_TYPE_EXTENSION:return`interface`;case T.UNION_TYPE_EXTENSION:return`union`;case T.ENUM_TYPE_EXTENSION:return`enum`;case T.INPUT_OBJECT_TYPE_EXTENSION:return`input object`;default:Y(!1,`Unexpected kind: `+O(e))}}function Qr(e){return{...$r(e),Field:{leave(t){let n=e.getFieldDef();if(!n)return!1;let r=new Set(t.arguments?.map(e=>e.name.value));for(let i of n.args)if(!r.has(i.name)&&rn(i)){let r=O(i.type);e.reportError(new x(`Field "${n.name}" argument "${i.name}" of type "${r}" is required, but it was not provided.`,{nodes:t}))}}}}}function $r(e){let t=Object.create(null),n=e.getSchema()?.getDirectives()??kn;for(let e of n)t[e.name]=pt(e.args.filter(rn),e=>e.name);let r=e.getDocument().definitions;for(let e of r)if(e.kind===T.DIRECTIVE_DEFINITION){let n=e.arguments??[];t[e.name.value]=pt(n.filter(ei),e=>e.name.value)}return{Directive:{leave(n){let r=n.name.value,i=t[r];if(i){let t=n.arguments??[],a=new Set(t.map(e=>e.name.value));for(let[t,o]of Object.entries(i))if(!a.has(t)){let i=Lt(o.type)?O(o.type):Dt(o.type);e.reportError(new x(`Directive "@${r}" argument "${t}" of type "${i}" is required, but it was not provided.`,{nodes:n}))}}}}}}function ei(e){return e.type.kind===T.NON_NULL_TYPE&&e.defaultValue==null}function ti(e){return{Field(t){let n=e.getType(),r=t.selectionSet;if(n){if(Vt(K(n))){if(r){let i=t.name.value,a=O(n);e.reportError(new x(`Field "${i}" must not have a selection since type "${a}" has no subfields.`,{nodes:r}))}}else if(!r){let r=t.name.value,i=O(n);e.reportError(new x(`Field "${r}" of type "${i}" must have a selection of subfields. Did you mean "${r} { ... }"?`,{nodes:t}))}else if(r.selections.length===0){let r=t.name.value,i=O(n);e.reportError(new x(`Field "${r}" of type "${i}" must have at least one field selected.`,{nodes:t}))}}}}}function ni(e,t,n){if(e){if(e.kind===T.VARIABLE){let r=e.name.value;if(n==null||!ii(n,r)||n[r]===void 0)return;let i=n[r];return i===null&&U(t)?void 0:i}if(U(t))return e.kind===T.NULL?void 0:ni(e,t.ofType,n);if(e.kind===T.NULL)return null;if(H(t)){let r=t.ofType;if(e.kind===T.LIST){let t=[];for(let i of e.values)if(ri(i,n)){if(U(r))return;t.push(null)}else{let e=ni(i,r,n);if(e===void 0)return;t.push(e)}return t}let i=ni(e,r,n);return i===void 0?void 0:[i]}if(V(t)){if(e.kind!==T.OBJECT)return;let r=Object.create(null),i=pt(e.fields,e=>e.name.value);for(let e of Object.values(t.getFields())){let t=i[e.name];if(!t||ri(t.value,n)){if(e.defaultValue!==void 0)r[e.name]=e.defaultValue;else if(U(e.type))return;continue}let a=ni(t.value,e.type,n);if(a===void 0)return;r[e.name]=a}if(t.isOneOf){let e=Object.keys(r);if(e.length!==1||r[e[0]]===null)return}return r}if(Vt(t)){let r;try{r=t.parseLiteral(e,n)}catch{return}return r===void 0?void 0:r}Y(!1,`Unexpected input type: `+O(t))}}function ri(e,t){return e.kind===T.VARIABLE&&(t==null||!ii(t,e.name.value)||t[e.name.value]===void 0)}function ii(e,t){return Object.prototype.hasOwnProperty.call(e,t)}function ai(e,t,n){let r=Object.create(null),i=pt(t.arguments??[],e=>e.name.value);for(let a of e.args){let e=a.name,o=a.type,s=i[e];if(!s){if(a.defaultValue!==void 0)r[e]=a.defaultValue;else if(U(o))throw new x(`Argument "${e}" of required type "${O(o)}" was not provided.`,{nodes:t});continue}let c=s.value,l=c.kind===T.NULL;if(c.kind===T.VARIABLE){let t=c.name.value;if(n==null||!si(n,t)){if(a.defaultValue!==void 0)r[e]=a.defaultValue;else if(U(o))throw new x(`Argument "${e}" of required type "${O(o)}" was provided the variable "$${t}" which was not provided a runtime value.`,{nodes:c});continue}l=n[t]==null}if(l&&U(o))throw new x(`Argument "${e}" of non-null type "${O(o)}" must not be null.`,{nodes:c});let u=ni(c,o,n);if(u===void 0)throw new x(`Argument "${e}" has invalid value ${M(c)}.`,{nodes:c});r[e]=u}return{...r}}function oi(e,t,n){let r=t.directives?.find(t=>t.name.value===e.name);if(r)return ai(e,r,n)}function si(e,t){return Object.prototype.hasOwnProperty.call(e,t)}function ci(e,t,n,r,i,a){let o=new Map;return li(e,t,n,r,i,o,new Set,a),o}function li(e,t,n,r,i,a,o,s){s?.(i);for(let c of i.selections)switch(c.kind){case T.FIELD:{if(!ui(n,c))continue;let e=fi(c),t=a.get(e);t===void 0?a.set(e,[c]):t.push(c);break}case T.INLINE_FRAGMENT:if(!ui(n,c)||!di(e,c,r))continue;li(e,t,n,r,c.selectionSet,a,o,s);break;case T.FRAGMENT_SPREAD:{let i=c.name.value;if(o.has(i)||!ui(n,c))continue;o.add(i);let l=t[i];if(!l||!di(e,l,r))continue;li(e,t,n,r,l.selectionSet,a,o,s);break}}}function ui(e,t){return oi(Tn,t,e)?.if!==!0&&oi(wn,t,e)?.if!==!1}function di(e,t,n){let r=t.typeCondition;if(!r)return!0;let i=$(e,r);return i===n?!0:Ut(i)?e.isSubType(i,n):!1}function fi(e){return e.alias?e.alias.value:e.name.value}function pi(e){let t;function n(t){e.spendFragmentWork(t.selections.length);for(let n of t.selections){let t=n.directives;if(t!==void 0){e.spendFragmentWork(t.length);for(let n of t)(n.name.value===`skip`||n.name.value===`include`)&&e.spendFragmentWork(n.arguments?.length??0)}}}return{OperationDefinition(r){if(r.operation===`subscription`){let i=e.getSchema(),a=i.getSubscriptionType();if(a){let o=r.name?r.name.value:null,s=Object.create(null);if(t===void 0){t=Object.create(null);let n=e.getDocument().definitions;e.spendFragmentWork(n.length);for(let e of n)e.kind===T.FRAGMENT_DEFINITION&&(t[e.name.value]=e)}let c=ci(i,t,s,a,r.selectionSet,n);if(c.size>1){let t=[...c.values()].slice(1).flat();e.reportError(new x(o==null?`Anonymous Subscription must select only one top level field.`:`Subscription "${o}" must select only one top level field.`,{nodes:t}))}for(let t of c.values())t[0].name.value.startsWith(`__`)&&e.reportError(new x(o==null?`Anonymous Subscription must not select an introspection top level field.`:`Subscription "${o}" must not select an introspection top level field.`,{nodes:t}))}}}}}function mi(e,t){let n=new Map;for(let r of e){let e=t(r),i=n.get(e);i===void 0?n.set(e,[r]):i.push(r)}return n}function hi(e){return{DirectiveDefinition(e){let t=e.arguments??[];return n(`@${e.name.value}`,t)},InterfaceTypeDefinition:t,InterfaceTypeExtension:t,ObjectTypeDefinition:t,ObjectTypeExtension:t};function t(e){let t=e.name.value,r=e.fields??[];for(let e of r){let r=e.name.value,i=e.arguments??[];n(`${t}.${r}`,i)}return!1}function n(t,n){let r=mi(n,e=>e.name.value);for(let[n,i]of r)i.length>1&&e.reportError(new x(`Argument "${t}(${n}:)" can only be defined once.`,{nodes:i.map(e=>e.name)}));return!1}}function gi(e){return{Field:t,Directive:t};function t(t){let n=mi(t.arguments??[],e=>e.name.value);for(let[t,r]of n)r.length>1&&e.reportError(new x(`There can be only one argument named "${t}".`,{nodes:r.map(e=>e.name)}))}}function _i(e){let t=Object.create(null),n=e.getSchema();return{DirectiveDefinition(r){let i=r.name.value;if(n!=null&&n.getDirective(i))e.reportError(new x(`Directive "@${i}" already exists in the schema. It cannot be redefined.`,{nodes:r.name}));else return t[i]?e.reportError(new x(`There can be only one directive named "@${i}".`,{nodes:[t[i],r.name]})):t[i]=r.name,!1}}}function vi(e){let t=Object.create(null),n=e.getSchema(),r=n?n.getDirectives():kn;for(let e of r)t[e.name]=!e.isRepeatable;let i=e.getDocument().definitions;for(let e of i)e.kind===T.DIRECTIVE_DEFINITION&&(t[e.name.value]=!e.repeatable);let a=Object.create(null),o=Object.create(null),s=Object.create(null);return{enter(n){if(!(`directives`in n)||!n.directives)return;let r;if(n.kind===T.SCHEMA_DEFINITION||n.kind===T.SCHEMA_EXTENSION)r=a;else if(Yn(n)||Zn(n)){let e=n.name.value;r=o[e],r===void 0&&(o[e]=r=Object.create(null))}else if(n.kind===T.DIRECTIVE_DEFINITION||n.kind===T.DIRECTIVE_EXTENSION){let e=n.name.value;r=s[e],r===void 0&&(s[e]=r=Object.create(null))}else r=Object.create(null);for(let i of n.directives){let n=i.name.value;t[n]&&(r[n]?e.reportError(new x(`The directive "@${n}" can only be used once at this location.`,{nodes:[r[n],i]})):r[n]=i)}}}}function yi(e){let t=e.getSchema(),n=t?t.getTypeMap():Object.create(null),r=Object.create(null);return{EnumTypeDefinition:i,EnumTypeExtension:i};function i(t){let i=t.name.value;r[i]||(r[i]=Object.create(null));let a=t.values??[],o=r[i];for(let t of a){let r=t.name.value,a=n[i];B(a)&&a.getValue(r)?e.reportError(new x(`Enum value "${i}.${r}" already exists in the schema. It cannot also be defined in this type extension.`,{nodes:t.name})):o[r]?e.reportError(new x(`Enum value "${i}.${r}" can only be defined once.`,{nodes:[o[r],t.name]})):o[r]=t.name}return!1}}function bi(e){let t=e.getSchema(),n=t?t.getTypeMap():Object.create(null),r=Object.create(null);return{InputObjectTypeDefinition:i,InputObjectTypeExtension:i,InterfaceTypeDefinition:i,InterfaceTypeExtension:i,ObjectTypeDefinition:i,ObjectTypeExtension:i};function i(t){let i=t.name.value;r[i]||(r[i]=Object.create(null));let a=t.fields??[],o=r[i];for(let t of a){let r=t.name.value;xi(n[i],r)?e.reportError(new x(`Field "${i}.${r}" already exists in the schema. It cannot also be defined in this type extension.`,{nodes:t.name})):o[r]?e.reportError(new x(`Field "${i}.${r}" can only be defined once.`,{nodes:[o[r],t.name]})):o[r]=t.name}return!1}}function xi(e,t){return R(e)||z(e)||V(e)?e.getFields()[t]!=null:!1}function Si(e){let t=Object.create(null);return{OperationDefinition:()=>!1,FragmentDefinition(n){let r=n.name.value;return t[r]?e.reportError(new x(`There can be only one fragment named "${r}".`,{nodes:[t[r],n.name]})):t[r]=n.name,!1}}}function Ci(e){let t=[],n=Object.create(null);return{ObjectValue:{enter(){t.push(n),n=Object.create(null)},leave(){let e=t.pop();e||Y(!1),n=e}},ObjectField(t){let r=t.name.value;n[r]?e.reportError(new x(`There can be only one input field named "${r}".`,{nodes:[n[r],t.name]})):n[r]=t.name}}}function wi(e){let t=Object.create(null);return{OperationDefinition(n){let r=n.name;return r&&(t[r.value]?e.reportError(new x(`There can be only one operation named "${r.value}".`,{nodes:[t[r.value],r]})):t[r.value]=r),!1},FragmentDefinition:()=>!1}}function Ti(e){let t=e.getSchema(),n=Object.create(null),r=t?{query:t.getQueryType(),mutation:t.getMutationType(),subscription:t.getSubscriptionType()}:{};return{SchemaDefinition:i,SchemaExtension:i};function i(t){let i=t.operationTypes??[];for(let t of i){let i=t.operation,a=n[i];r[i]?e.reportError(new x(`Type for ${i} already defined in the schema. It cannot be redefined.`,{nodes:t})):a?e.reportError(new x(`There can be only one ${i} type in schema.`,{nodes:[a,t]})):n[i]=t}return!1}}function Ei(e){let t=Object.create(null),n=e.getSchema();return{ScalarTypeDefinition:r,ObjectTypeDefinition:r,InterfaceTypeDefinition:r,UnionTypeDefinition:r,EnumTypeDefinition:r,InputObjectTypeDefinition:r};function r(r){let i=r.name.value;if(n!=null&&n.getType(i))e.reportError(new x(`Type "${i}" already exists in the schema. It cannot also be defined in this type definition.`,{nodes:r.name}));else return t[i]?e.reportError(new x(`There can be only one type named "${i}".`,{nodes:[t[i],r.name]})):t[i]=r.name,!1}}function Di(e){return{OperationDefinition(t){let n=mi(t.variableDefinitions??[],e=>e.variable.name.value);for(let[t,r]of n)r.length>1&&e.reportError(new x(`There can be only one variable named "$${t}".`,{nodes:r.map(e=>e.variable.name)}))}}}function Oi(e){return{ListValue(t){if(!H(Kt(e.getParentInputType())))return ki(e,t),!1},ObjectValue(t){let n=K(e.getInputType());if(!V(n))return ki(e,t),!1;let r=pt(t.fields,e=>e.name.value);for(let i of Object.values(n.getFields()))if(!r[i.name]&&pn(i)){let r=O(i.type);e.reportError(new x(`Field "${n.name}.${i.name}" of required type "${r}" was not provided.`,{nodes:t}))}n.isOneOf&&Ai(e,t,n,r)},ObjectField(t){let n=K(e.getParentInputType());if(!e.getInputType()&&V(n)){let r=e.hideSuggestions?[]:yt(t.name.value,Object.keys(n.getFields()));e.reportError(new x(`Field "${t.name.value}" is not defined by type "${n.name}".`+dt(r),{nodes:t}))}},NullValue(t){let n=e.getInputType();U(n)&&e.reportError(new x(`Expected value of type "${O(n)}", found ${M(t)}.`,{nodes:t}))},EnumValue:t=>ki(e,t),IntValue:t=>ki(e,t),FloatValue:t=>ki(e,t),StringValue:t=>ki(e,t),BooleanValue:t=>ki(e,t)}}function ki(e,t){let n=e.getInputType();if(!n)return;let r=K(n);if(Vt(r))try{if((B(r)?r.parseLiteral(t,void 0,e.hideSuggestions):r.parseLiteral(t,void 0))===void 0){let r=O(n);e.reportError(new x(`Expected value of type "${r}", found ${M(t)}.`,{nodes:t}))}}catch(r){let i=O(n);r instanceof x?e.reportError(r):e.reportError(new x(`Expected value of type "${i}", found ${M(t)}; `+r.message,{nodes:t,originalError:r}))}else{let r=O(n);e.reportError(new x(`Expected value of type "${r}", found ${M(t)}.`,{nodes:t}))}}function Ai(e,t,n,r){let i=Object.keys(r);if(i.length!==1){e.reportError(new x(`OneOf Input Object "${n.name}" must specify exactly one key.`,{nodes:[t]}));return}let a=r[i[0]]?.value;a&&a.kind!==T.NULL||e.reportError(new x(`Field "${n.name}.${i[0]}" must be non-null.`,{nodes:[t]}))}function ji(e){return{VariableDefinition(t){let n=$(e.getSchema(),t.type);if(n!==void 0&&!Bt(n)){let n=t.variable.name.value,r=Dt(t.type);e.reportError(new x(`Variable "$${n}" cannot be non-input type "${r}".`,{nodes:t.type}))}}}}function Mi(e){let t=Object.create(null);return{OperationDefinition:{enter(){t=Object.create(null)},leave(n){let r=e.getRecursiveVariableUsages(n);for(let{node:n,type:i,defaultValue:a,parentType:o}of r){let r=n.name.value,s=t[r];if(s&&i){let t=e.getSchema(),c=$(t,s.type);if(c&&!Ni(t,c,s.defaultValue,i,a)){let t=O(c),a=O(i);e.reportError(new x(`Variable "$${r}" of type "${t}" used in position expecting type "${a}".`,{nodes:[s,n]}))}V(o)&&o.isOneOf&&Gt(c)&&e.reportError(new x(`Variable "$${r}" is of type "${c}" but must be non-nullable to be used for OneOf Input Object "${o}".`,{nodes:[s,n]}))}}}},VariableDefinition(e){t[e.variable.name.value]=e}}}function Ni(e,t,n,r,i){return U(r)&&!U(t)?(n==null||n.kind===T.NULL)&&i===void 0?!1:mn(e,t,r.ofType):mn(e,t,r)}var Pi=Object.freeze([hr]);Object.freeze([Qn,wi,fr,pi,lr,nr,ji,ti,$n,Si,cr,vr,Kr,gr,Di,_r,yr,ar,vi,rr,gi,Oi,Qr,Mi,wr,Ci,...Pi]);var Fi=Object.freeze([pr,Ti,Ei,yi,bi,hi,_i,lr,ar,vi,Jr,ir,gi,Ci,$r]),Ii=class{constructor(){this._entries=new Map,this._memberIds=new Map,this._nextMemberId=0}get(e){return this._entries.get(this._key(e))}set(e,t){this._entries.set(this._key(e),t)}_key(e){let t=[];for(let n of e){let e=this._memberIds.get(n);e===void 0&&(e=this._nextMemberId++,this._memberIds.set(n,e)),t.push(e)}return t.sort((e,t)=>e-t),t.join(`,`)}},Li=class{_remainingFragmentWork=5e4;constructor(e,t){this._ast=e,this._fragments=void 0,this._fragmentSpreads=new Map,this._recursivelyReferencedFragments=new Ii,this._onError=t}get[Symbol.toStringTag](){return`ASTValidationContext`}reportError(e){this._onError(e)}getDocument(){return this._ast}getFragment(e){let t;if(this._fragments)t=this._fragments;else{t=Object.create(null);for(let e of this.getDocument().definitions)e.kind===T.FRAGMENT_DEFINITION&&(t[e.name.value]=e);this._fragments=t}return t[e]}getFragmentSpreads(e){let t=this._fragmentSpreads.get(e);if(!t){t=[];let n=[e],r;for(;r=n.pop();)for(let e of r.selections)e.kind===T.FRAGMENT_SPREAD?t.push(e):e.selectionSet&&n.push(e.selectionSet);this._fragmentSpreads.set(e,t)}return t}getRecursivelyReferencedFragments(e){return this.getRecursivelyReferencedFragmentsForOperations([e])}getRecursivelyReferencedFragmentsForOperations(e){let t=new Set(e.flatMap(({selectionSet:e})=>this.getFragmentSpreads(e).map(({name:e})=>e.value))),n=this._recursivelyReferencedFragments.get(t);if(!n){n=[],this.spendFragmentWork(t.size);let e=new Set(t);for(let t of e){let r=this.getFragment(t);if(r){n.push(r);let t=this.getFragmentSpreads(r.selectionSet);this.spendFragmentWork(t.length);for(let n of t)e.add(n.name.value)}}this._recursivelyReferencedFragments.set(t,n)}return n}spendFragmentWork(e){if(this._remainingFragmentWork-=e,this._remainingFragmentWork<0)throw br}},Ri=class extends Li{constructor(e,t,n){super(e,n),this._schema=t}get hideSuggestions(){return!1}get[Symbol.toStringTag](){return`SDLValidationContext`}getSchema(){return this._schema}};A(be,e=>e.filter(e=>e!==`description`));function zi(e,t,n=Fi){let r=[],i=new Ri(e,t,e=>{r.push(e)});return Wn(e,Gn(n.map(e=>e(i)))),r}function Bi(e){let t=zi(e);if(t.length!==0)throw Error(t.map(e=>e.message).join(`

`))}function Vi(e,t,n){let r=[],i=Object.create(null),a=Object.create(null),o=[],s,c=[];for(let e of t.definitions)if(e.kind===T.SCHEMA_DEFINITION)s=e;else if(e.kind===T.SCHEMA_EXTENSION)c.push(e);else if(Yn(e))r.push(e);else if(Zn(e)){let t=e.name.value,n=i[t];i[t]=n?n.concat([e]):[e]}else if(e.kind===T.DIRECTIVE_DEFINITION)o.push(e);else if(e.kind===T.DIRECTIVE_EXTENSION){let t=e.name.value,n=a[t];a[t]=n?n.concat([e]):[e]}if(Object.keys(i).length===0&&r.length===0&&Object.keys(a).length===0&&o.length===0&&c.length===0&&s==null)return e;let l=Object.create(null);for(let t of e.types)l[t.name]=ee(t);for(let e of r){let t=e.name.value;l[t]=Hi[t]??he(e)}let u=Object.create(null);for(let t of e.directives)u[t.name]=_(t);let d={query:e.query&&m(e.query),mutation:e.mutation&&m(e.mutation),subscription:e.subscription&&m(e.subscription),...s&&g([s]),...g(c)},f=Object.values(u);return{description:s?.description?.value,...d,types:Object.values(l),directives:[...f.map(h),...o.map(le)],extensions:Object.create(null),astNode:s??e.astNode,extensionASTNodes:e.extensionASTNodes.concat(c),assumeValid:n?.assumeValid??!1};function p(e){return H(e)?new W(p(e.ofType)):U(e)?new G(p(e.ofType)):m(e)}function m(e){return l[e.name]}function h(e){let t=e.toConfig();return new Cn({...t,args:A(t.args,ce)})}function ee(e){if(Vn(e)||bn(e))return e;if(Rt(e))return re(e);if(R(e))return ie(e);if(z(e))return ae(e);if(zt(e))return oe(e);if(B(e))return ne(e);if(V(e))return te(e);Y(!1,`Unexpected type: `+O(e))}function te(e){let t=e.toConfig(),n=i[t.name]??[];return new dn({...t,fields:()=>({...A(t.fields,e=>({...e,type:p(e.type)})),...de(n)}),extensionASTNodes:t.extensionASTNodes.concat(n)})}function ne(e){let t=e.toConfig(),n=i[e.name]??[];return new cn({...t,values:{...t.values,...fe(n)},extensionASTNodes:t.extensionASTNodes.concat(n)})}function re(e){let t=e.toConfig(),n=i[t.name]??[],r=t.specifiedByURL;for(let e of n)r=Wi(e)??r;return new Yt({...t,specifiedByURL:r,extensionASTNodes:t.extensionASTNodes.concat(n)})}function ie(e){let t=e.toConfig(),n=i[t.name]??[];return new Xt({...t,interfaces:()=>[...e.getInterfaces().map(m),...pe(n)],fields:()=>({...A(t.fields,se),...b(n)}),extensionASTNodes:t.extensionASTNodes.concat(n)})}function ae(e){let t=e.toConfig(),n=i[t.name]??[];return new an({...t,interfaces:()=>[...e.getInterfaces().map(m),...pe(n)],fields:()=>({...A(t.fields,se),...b(n)}),extensionASTNodes:t.extensionASTNodes.concat(n)})}function oe(e){let t=e.toConfig(),n=i[t.name]??[];return new on({...t,types:()=>[...e.getTypes().map(m),...me(n)],extensionASTNodes:t.extensionASTNodes.concat(n)})}function se(e){return{...e,type:p(e.type),args:e.args&&A(e.args,ce)}}function ce(e){return{...e,type:p(e.type)}}function g(e){let t={};for(let n of e){let e=n.operationTypes??[];for(let n of e)t[n.operation]=v(n.type)}return t}function _(e){let t=e.toConfig(),n=a[t.name]??[],r=t.deprecationReason??n.map(e=>Ui(e)).find(e=>e!=null);return new Cn({...t,deprecationReason:r,extensionASTNodes:t.extensionASTNodes.concat(n)})}function v(e){let t=e.name.value,n=Hi[t]??l[t];if(n===void 0)throw Error(`Unknown type: "${t}".`);return n}function y(e){return e.kind===T.LIST_TYPE?new W(y(e.type)):e.kind===T.NON_NULL_TYPE?new G(y(e.type)):v(e)}function le(e){let t=a[e.name.value]??[],n=Ui(e)??t.map(e=>Ui(e)).find(e=>e!=null);return new Cn({name:e.name.value,description:e.description?.value,locations:e.locations.map(({value:e})=>e),isRepeatable:e.repeatable,args:ue(e.arguments),deprecationReason:n,astNode:e,extensionASTNodes:t})}function b(e){let t=Object.create(null);for(let n of e){let e=n.fields??[];for(let n of e)t[n.name.value]={type:y(n.type),description:n.description?.value,args:ue(n.arguments),deprecationReason:Ui(n),astNode:n}}return t}function ue(e){let t=e??[],n=Object.create(null);for(let e of t){let t=y(e.type);n[e.name.value]={type:t,description:e.description?.value,defaultValue:ni(e.defaultValue,t),deprecationReason:Ui(e),astNode:e}}return n}function de(e){let t=Object.create(null);for(let n of e){let e=n.fields??[];for(let n of e){let e=y(n.type);t[n.name.value]={type:e,description:n.description?.value,defaultValue:ni(n.defaultValue,e),deprecationReason:Ui(n),astNode:n}}}return t}function fe(e){let t=Object.create(null);for(let n of e){let e=n.values??[];for(let n of e)t[n.name.value]={description:n.description?.value,deprecationReason:Ui(n),astNode:n}}return t}function pe(e){return e.flatMap(e=>e.interfaces?.map(v)??[])}function me(e){return e.flatMap(e=>e.types?.map(v)??[])}function he(e){let t=e.name.value,n=i[t]??[];switch(e.kind){case T.OBJECT_TYPE_DEFINITION:{let r=[e,...n];return new Xt({name:t,description:e.description?.value,interfaces:()=>pe(r),fields:()=>b(r),astNode:e,extensionASTNodes:n})}case T.INTERFACE_TYPE_DEFINITION:{let r=[e,...n];return new an({name:t,description:e.description?.value,interfaces:()=>pe(r),fields:()=>b(r),astNode:e,extensionASTNodes:n})}case T.ENUM_TYPE_DEFINITION:{let r=[e,...n];return new cn({name:t,description:e.description?.value,values:fe(r),astNode:e,extensionASTNodes:n})}case T.UNION_TYPE_DEFINITION:{let r=[e,...n];return new on({name:t,description:e.description?.value,types:()=>me(r),astNode:e,extensionASTNodes:n})}case T.SCALAR_TYPE_DEFINITION:return new Yt({name:t,description:e.description?.value,specifiedByURL:Wi(e),astNode:e,extensionASTNodes:n});case T.INPUT_OBJECT_TYPE_DEFINITION:{let r=[e,...n];return new dn({name:t,description:e.description?.value,fields:()=>de(r),astNode:e,extensionASTNodes:n,isOneOf:Gi(e)})}}}}var Hi=pt([...yn,...Bn],e=>e.name);function Ui(e){return oi(En,e)?.reason}function Wi(e){return oi(Dn,e)?.url}function Gi(e){return!!oi(On,e)}function Ki(e,t){e!=null&&e.kind===T.DOCUMENT||b(!1,`Must provide valid Document AST.`),t?.assumeValid!==!0&&t?.assumeValidSDL!==!0&&Bi(e);let n=Vi({description:void 0,types:[],directives:[],extensions:Object.create(null),extensionASTNodes:[],assumeValid:!1},e,t);if(n.astNode==null)for(let e of n.types)switch(e.name){case`Query`:n.query=e;break;case`Mutation`:n.mutation=e;break;case`Subscription`:n.subscription=e}let r=[...n.directives,...kn.filter(e=>n.directives.every(t=>t.name!==e.name))];return new Hn({...n,directives:r})}function qi(e,t){return Ki(ot(e,t),{assumeValidSDL:t?.assumeValidSDL,assumeValid:t?.assumeValid})}var Ji=qi(`"""What \`acceptRequirement\` takes, with what travels with every command."""
input AcceptRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """Who accepted it at the client (one line)."""
  acceptedBy: String!

  """The acceptance criteria the delivery meets: every one of them."""
  metCriterionIds: [UUID!]!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""A condition the delivered work must meet for the client to accept it."""
type AcceptanceCriterion {
  id: UUID!
  text: String!

  """Named by the client's latest rejection and not met since."""
  unmet: Boolean!
}

"""
What \`acknowledgeComplaint\` takes, with what travels with every command.
"""
input AcknowledgeComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """The agent, as your team names people (one line)."""
  agent: String!

  """What was said to the client (may span lines)."""
  message: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""An action agreed at a meeting: what, who does it, and by when."""
input ActionItemInput {
  """What it is about (may span lines)."""
  description: String!

  """Who will do it (one line)."""
  owner: String!

  """The day it is due."""
  dueOn: Date!
}

"""
What \`addAcceptanceCriterion\` takes, with what travels with every command.
"""
input AddAcceptanceCriterionInput {
  """The requirement's id."""
  requirementId: UUID!

  """The text (may span lines)."""
  text: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`addComplaintNote\` takes, with what travels with every command."""
input AddComplaintNoteInput {
  """The complaint's id."""
  complaintId: UUID!

  """Who may read it: INTERNAL notes are never shown to a client."""
  visibility: NoteVisibility!

  """The text (may span lines)."""
  text: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
Money of one kind (a cost category, a week), in the engagement's currency.
"""
type Amount {
  key: String!
  amount: Decimal!
}

"""What \`archiveEngagement\` takes, with what travels with every command."""
input ArchiveEngagementInput {
  """The engagement's id."""
  engagementId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`assessRisk\` takes, with what travels with every command."""
input AssessRiskInput {
  """The risk's id."""
  riskId: UUID!

  """How likely the risk is, 1 (rare) to 5 (almost certain)."""
  probability: Int!

  """How much it would hurt, 1 (negligible) to 5 (severe)."""
  impact: Int!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`assignComplaint\` takes, with what travels with every command."""
input AssignComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """The agent, as your team names people (one line)."""
  agent: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`assignMember\` takes, with what travels with every command."""
input AssignMemberInput {
  """The engagement's id."""
  engagementId: UUID!

  """The team member, as your team names people (one line)."""
  person: String!

  """The RACI role."""
  role: MemberRole!

  """The area of work the role covers, e.g. billing (one line)."""
  area: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""One event of the log, with where it sits and who caused it."""
type AuditEvent {
  """Log position; resume a stream after it."""
  position: Int!
  recordedAt: DateTime!
  occurredAt: DateTime!
  aggregateType: String!
  aggregateId: UUID!
  version: Int!
  eventType: String!
  actor: String!
  correlationId: String
  engagementId: UUID!
  data: JSON!

  """An internal note of the service team: never shown to a client token."""
  internal: Boolean!
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type AuditEventConnection {
  edges: [AuditEventEdge!]!
  pageInfo: PageInfo!
  nodes: [AuditEvent!]!
}

"""An item of a page, with its cursor."""
type AuditEventEdge {
  cursor: String!
  node: AuditEvent!
}

"""Budget burn and earned value."""
type Budget {
  currency: String!
  originalBudget: Decimal!
  budget: Decimal!
  actualCost: Decimal!
  remainingBudget: Decimal!
  costByCategory: [Amount!]!
  costByWeek: [Amount!]!
  consumedPercent: Decimal
  elapsedPercent: Decimal
  burnRatePerWeek: Decimal!
  projectedExhaustion: Date
  earnedValue: EarnedValue!

  """
  The burn over time: one point per ISO week from the week of the planned start (or of the first cost, when earlier) to the week of this budget's moment, oldest first. Every point is drawn against the budget and milestones as they stand at that moment.
  """
  burn: [BurnPoint!]!
}

"""
Where the budget stood at the end of one ISO week, in the engagement's currency; the week of the budget's moment is as the budget stands then.
"""
type BurnPoint {
  """The week's Monday."""
  week: Date!

  """Costs incurred up to the end of the week, added up."""
  actualCost: Decimal!

  """
  Planned value (PV) at the end of the week, computed as \`plannedValue\` of the earned value is; null when it is.
  """
  plannedValue: Decimal

  """
  Earned value (EV) of the milestones completed by the end of the week; null with no milestones.
  """
  earnedValue: Decimal
}

"""When a service team works: SLA time counts only then."""
type BusinessCalendar implements Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  name: String!
  timeZone: String!
  hours: [WorkingHours!]!
  holidays: [Date!]!
  definedAt: DateTime!
  updatedAt: DateTime!

  """Why it was last revised."""
  lastReason: String
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type BusinessCalendarConnection {
  edges: [BusinessCalendarEdge!]!
  pageInfo: PageInfo!
  nodes: [BusinessCalendar!]!
}

"""An item of a page, with its cursor."""
type BusinessCalendarEdge {
  cursor: String!
  node: BusinessCalendar!
}

"""
A recorded change to a business calendar: its id, version and what it created, and the object as the views show it.
"""
type BusinessCalendarPayload {
  businessCalendarId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The business calendar as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  businessCalendar: BusinessCalendar
}

"""
What a mutation of a business calendar answers: BusinessCalendarPayload when it was recorded, or the error that says why nothing changed.
"""
union BusinessCalendarResult = BusinessCalendarPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""
Who the request's token makes you: which token, its name and role, and what that role may do.
"""
type Caller {
  """The id of the token the request used."""
  tokenId: UUID!

  """The token's name, recorded as your events' actor."""
  name: String!

  """The token's role."""
  role: TokenRole!

  """
  The client a CLIENT token acts for; null for the service team's tokens.
  """
  clientId: UUID

  """
  The mutations your role may run, by name. A client's are still refused for an engagement that is not its own; any mutation may still be refused by a rule.
  """
  mutations: [String!]!

  """
  Whether you may see the service's own activity: \`projections\` (the log's head, each view's position and lag).
  """
  seesOperations: Boolean!
}

"""What \`captureRequirement\` takes, with what travels with every command."""
input CaptureRequirementInput {
  """The engagement's id."""
  engagementId: UUID!

  """A short title (one line, at most 200 characters)."""
  title: String!

  """What it is about (may span lines)."""
  description: String! = ""

  """Where the requirement came from."""
  source: RequirementSource!

  """Its MoSCoW priority."""
  priority: RequirementPriority!

  """Who asked for it, at the client (one line)."""
  requestedBy: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`chooseSlaPolicy\` takes, with what travels with every command."""
input ChooseSlaPolicyInput {
  """The engagement's id."""
  engagementId: UUID!

  """The SLA policy's id."""
  policyId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`closeComplaint\` takes, with what travels with every command."""
input CloseComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """Whether the client confirmed the fix."""
  clientConfirmed: Boolean!

  """Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied)."""
  csat: Int = null

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`closeEngagement\` takes, with what travels with every command."""
input CloseEngagementInput {
  """The engagement's id."""
  engagementId: UUID!

  """How the engagement ended (may span lines)."""
  outcome: String!

  """The team's evaluation of the engagement (may span lines)."""
  evaluation: String! = ""

  """What the team learned, one lesson each."""
  lessonsLearned: [String!]! = []

  """
  Why to close although complaints are open or must requirements unaccepted; without it such a close is refused, naming them.
  """
  forceReason: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`closeRisk\` takes, with what travels with every command."""
input CloseRiskInput {
  """The risk's id."""
  riskId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""How often the engagement reports, through which channels, to whom."""
type CommunicationPlan {
  """How often, e.g. weekly."""
  cadence: String!

  """Through which channels, e.g. email."""
  channels: [String!]!

  """Who receives the reports."""
  audience: [String!]!
}

"""A client's complaint or support ticket."""
type Complaint implements EngagementChild & Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  engagementId: UUID!

  """Its engagement; under an engagement as of a moment, that engagement."""
  engagement: Engagement
  channel: ComplaintChannel!
  severity: Severity!
  category: String!
  description: String!
  state: ComplaintState!
  receivedAt: DateTime!
  updatedAt: DateTime!
  secondsInState: Float!
  firstResponseDue: DateTime!

  """
  The current cycle's due time, moved by the client's replies; null while waiting on the client (the clock is paused).
  """
  resolutionDue: DateTime

  """
  When the policy warns that the first response is getting late; null when it gives no warning.
  """
  firstResponseWarningAt: DateTime

  """
  When the policy warns that the current cycle's resolution is getting late; null when it gives no warning, or while waiting on the client.
  """
  resolutionWarningAt: DateTime

  """
  The SLA policy the complaint was received under; null for complaints received before policies had versions.
  """
  slaPolicyId: UUID

  """
  The version of that policy (0: the built-in default), fixed at receipt.
  """
  slaPolicyVersion: Int
  firstResponsePastDue: Boolean!
  resolutionPastDue: Boolean!
  pastDue: Boolean!
  acknowledgedBy: String!
  assignee: String
  escalationLevel: Int!
  rootCauseCategory: String
  resolution: String
  reopens: Int!

  """
  SLA breaches standing: recorded and not withdrawn, every clock and cycle.
  """
  slaBreaches: Int!
  clientConfirmed: Boolean!
  csat: Int

  """
  Notes added: for a client token, the public ones only (the team's internal notes are its own).
  """
  noteCount: Int!
}

"""How a complaint reached the team."""
enum ComplaintChannel {
  PHONE
  EMAIL
  WEB
  CHAT
  ONSITE
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type ComplaintConnection {
  edges: [ComplaintEdge!]!
  pageInfo: PageInfo!
  nodes: [Complaint!]!
}

"""An item of a page, with its cursor."""
type ComplaintEdge {
  cursor: String!
  node: Complaint!
}

"""Complaints whose fields equal every value given."""
input ComplaintFilter {
  """The engagement's id."""
  engagementId: UUID = null

  """In this state."""
  state: ComplaintState = null

  """Of this severity."""
  severity: Severity = null

  """The agent assigned, exactly as assigned."""
  assignee: String = null

  """An SLA breach stands (recorded and not withdrawn), on either clock."""
  breached: Boolean = null
}

"""
A recorded change to a complaint: its id, version and what it created, and the object as the views show it.
"""
type ComplaintPayload {
  complaintId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The complaint as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  complaint: Complaint
}

"""
What a mutation of a complaint answers: ComplaintPayload when it was recorded, or the error that says why nothing changed.
"""
union ComplaintResult = ComplaintPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""
Where a complaint is: RECEIVED, ACKNOWLEDGED, IN_PROGRESS (or WAITING_ON_CLIENT, which pauses the SLA clocks), RESOLVED, REOPENED or CLOSED.
"""
enum ComplaintState {
  RECEIVED
  ACKNOWLEDGED
  IN_PROGRESS
  WAITING_ON_CLIENT
  RESOLVED
  REOPENED
  CLOSED
}

"""What \`completeMilestone\` takes, with what travels with every command."""
input CompleteMilestoneInput {
  """The engagement's id."""
  engagementId: UUID!

  """The milestone's id, as \`createdIds\` gave it when it was planned."""
  milestoneId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""The object changed since the version the caller expected."""
type ConcurrencyConflict implements Error {
  message: String!
  aggregateId: String!
  expectedVersion: Int
  actualVersion: Int
}

"""What \`confirmRequirement\` takes, with what travels with every command."""
input ConfirmRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """Who confirmed it at the client (one line)."""
  confirmedBy: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What a cost was spent on."""
enum CostCategory {
  LABOUR
  MATERIAL
  TRAVEL
  SUBCONTRACT
  OTHER
}

"""How many there are of one kind: a state, a severity, a week."""
type Count {
  key: String!
  count: Int!
}

"""What \`createToken\` takes."""
input CreateTokenInput {
  """What the token may do."""
  role: TokenRole!

  """Who uses it (one line); recorded as the actor of its events."""
  name: String!

  """The client a CLIENT token acts for; only for such a token."""
  clientId: UUID = null
}

"""The new token, or why none was created."""
union CreateTokenResult = TokenCreated | ValidationError | NotFound | Forbidden

"""Date (isoformat)"""
scalar Date

"""Date with time (isoformat)"""
scalar DateTime

"""
A decimal number, sent and answered as a string, never a float: money (in its engagement's currency, with as many decimal places as the currency's minor unit, e.g. "1250.00" EUR or "1250" JPY), percentages and ratios (two places). Sums of recorded amounts are exact; money that comes out of a division (burn rate, planned and earned value, estimate at completion) is rounded to the currency's places, and percentages and ratios to two, halves to even.
"""
scalar Decimal

"""
What \`defineBusinessCalendar\` takes, with what travels with every command.
"""
input DefineBusinessCalendarInput {
  """A short name (one line, at most 200 characters)."""
  name: String!

  """An IANA time zone, e.g. Europe/Berlin."""
  timeZone: String!

  """
  Working intervals, each a weekday and a start and end time; several a day are allowed (a lunch break), but none across midnight.
  """
  hours: [WorkingHoursInput!]!

  """Days off, in the calendar's time zone."""
  holidays: [Date!]! = []

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`defineSlaPolicy\` takes, with what travels with every command."""
input DefineSlaPolicyInput {
  """A short name (one line, at most 200 characters)."""
  name: String!

  """First-response and resolution targets per severity."""
  targets: [SeverityTargetsInput!]!

  """The business calendar's id."""
  calendarId: UUID = null

  """
  Warn when a clock has used this share of its target, 1 to 99; null: no warnings.
  """
  warningPercent: Int = null

  """What to escalate to on a breach or a warning."""
  escalationRules: [EscalationRuleInput!]! = []

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`deliverRequirement\` takes, with what travels with every command."""
input DeliverRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """Where to see the delivered work: a link, a build, a document."""
  evidence: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""How long something took, in seconds: median and 90th percentile."""
type Durations {
  count: Int!
  medianSeconds: Float
  p90Seconds: Float
}

"""
Earned value figures: planned value (PV), earned value (EV), the cost and schedule performance indexes (CPI = EV / actual cost, SPI = EV / PV) and the estimate at completion (EAC = budget / CPI); null where a figure has no data.
"""
type EarnedValue {
  plannedValue: Decimal
  earnedValue: Decimal
  cpi: Decimal
  spi: Decimal
  eac: Decimal
}

"""One client project."""
type Engagement {
  id: UUID!
  clientId: UUID
  clientName: String!
  title: String!
  owner: String!
  state: EngagementState!

  """
  RED or AMBER when a figure is past its threshold, else GREEN; \`healthReasons\` says which.
  """
  health: Health!
  healthReasons: [String!]!
  cpi: Decimal
  spi: Decimal
  csatMean: Decimal
  criticalComplaintsPastDue: Int!
  slaBreachesInWindow: Int!
  maxOpenRiskExposure: Int

  """
  The SLA policy complaints received now follow (the default one until the engagement chooses another).
  """
  slaPolicyId: UUID!

  """The moment these figures are for; null for live figures."""
  asOf: DateTime
  asOfAxis: TimeAxis
  progress: Progress
  budget: Budget
  satisfaction: Satisfaction
  riskRegister: RiskRegister

  """Who carries what in this engagement."""
  workload: Workload
  requirements(filter: RequirementFilter = null, first: Int! = 20, after: String = null): RequirementConnection!
  complaints(filter: ComplaintFilter = null, first: Int! = 20, after: String = null): ComplaintConnection!
  risks(filter: RiskFilter = null, first: Int! = 20, after: String = null): RiskConnection!

  """The version of the engagement itself (its own events)."""
  version: Int!

  """Who works on the engagement, in which role and area (RACI)."""
  team: [TeamMember!]!
  objectives: [Objective!]!
  milestones: [Milestone!]!

  """
  How the engagement reports: cadence, channels and audience; null until a plan is set.
  """
  communicationPlan: CommunicationPlan

  """
  The meetings logged, the latest held first (of one day's, the latest logged first).
  """
  meetings: [Meeting!]!

  """The status reports published, the latest first."""
  statusReports: [StatusReport!]!

  """
  Every event of the engagement and its children, in log order; as of a moment, those known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
}

"""A requirement, complaint or risk of an engagement."""
interface EngagementChild implements Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  engagementId: UUID!

  """Its engagement; under an engagement as of a moment, that engagement."""
  engagement: Engagement
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type EngagementConnection {
  edges: [EngagementEdge!]!
  pageInfo: PageInfo!
  nodes: [Engagement!]!
}

"""An item of a page, with its cursor."""
type EngagementEdge {
  cursor: String!
  node: Engagement!
}

"""Engagements whose fields equal every value given."""
input EngagementFilter {
  """The client's id."""
  clientId: UUID = null

  """In this state."""
  state: EngagementState = null

  """Health as of now (it moves with time, e.g. a clock due)."""
  health: Health = null
}

"""
A recorded change to an engagement: its id, version and what it created, and the object as the views show it.
"""
type EngagementPayload {
  engagementId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The engagement as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  engagement: Engagement
}

"""
What a mutation of an engagement answers: EngagementPayload when it was recorded, or the error that says why nothing changed.
"""
union EngagementResult = EngagementPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""
Where an engagement is in its life: PLANNED, then ACTIVE (and ON_HOLD and back), then CLOSED and ARCHIVED.
"""
enum EngagementState {
  PLANNED
  ACTIVE
  ON_HOLD
  CLOSED
  ARCHIVED
}

"""Why a mutation changed nothing."""
interface Error {
  message: String!
}

"""What \`escalateComplaint\` takes, with what travels with every command."""
input EscalateComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """The escalation level, 1 to 5."""
  level: Int!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""On a breach or a warning, escalate the complaint to a level."""
type EscalationRule {
  trigger: SlaTrigger!

  """The clock it watches; null: either."""
  clock: SlaClock

  """Empty: every severity."""
  severities: [Severity!]!
  level: Int!
}

"""
On \`trigger\` of \`clock\` (either when null) for complaints of \`severities\` (any when empty), escalate to \`level\` (1-5).
"""
input EscalationRuleInput {
  """What the rule reacts to: a breach or a warning."""
  trigger: SlaTrigger!

  """The escalation level, 1 to 5."""
  level: Int!

  """Which SLA clock."""
  clock: SlaClock = null

  """The severities the rule covers; empty: every severity."""
  severities: [Severity!]! = []
}

"""The caller's role may not do this."""
type Forbidden implements Error {
  message: String!
}

"""
An engagement's health: RED or AMBER when a figure is past its threshold (see \`healthReasons\`), else GREEN.
"""
enum Health {
  RED
  AMBER
  GREEN
}

"""What \`identifyRisk\` takes, with what travels with every command."""
input IdentifyRiskInput {
  """The engagement's id."""
  engagementId: UUID!

  """A short title (one line, at most 200 characters)."""
  title: String!

  """What kind of risk it is."""
  category: RiskCategory!

  """What it is about (may span lines)."""
  description: String! = ""

  """Who owns it, as your team names people (one line)."""
  owner: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`identifyRootCause\` takes, with what travels with every command."""
input IdentifyRootCauseInput {
  """The complaint's id."""
  complaintId: UUID!

  """
  The cause's category, as your team sorts them, e.g. process (one line).
  """
  category: String!

  """The analysis of the cause (may span lines)."""
  analysis: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
The \`JSON\` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf).
"""
scalar JSON @specifiedBy(url: "https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf")

"""What \`logMeeting\` takes, with what travels with every command."""
input LogMeetingInput {
  """The engagement's id."""
  engagementId: UUID!

  """The day it was held; not after the day the event is recorded for."""
  heldOn: Date!

  """Who attended, one name each."""
  attendees: [String!]!

  """The agenda (may span lines)."""
  agenda: String!

  """The minutes (may span lines)."""
  minutes: String!

  """What was agreed to do, each with an owner and a due date."""
  actionItems: [ActionItemInput!]! = []

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""A meeting as it was logged."""
type Meeting {
  """The meeting's id, as \`logMeeting\` gave it."""
  id: UUID!

  """The day it was held."""
  heldOn: Date!

  """Who attended."""
  attendees: [String!]!

  """The agenda; empty when none was logged."""
  agenda: String!

  """The minutes: what was said and decided; empty when none were logged."""
  minutes: String!

  """The actions agreed, in the order logged."""
  actionItems: [MeetingActionItem!]!

  """Who logged it."""
  loggedBy: String!

  """When it was logged, in the business (its \`occurredAt\`)."""
  loggedAt: DateTime!
}

"""An action agreed at a meeting: what, who does it, and by when."""
type MeetingActionItem {
  """What is to be done."""
  description: String!

  """Who does it."""
  owner: String!

  """By when."""
  dueOn: Date!
}

"""
A team member's part in an area, by RACI: RESPONSIBLE does the work, ACCOUNTABLE (one per area) answers for it, CONSULTED and INFORMED are kept in the loop.
"""
enum MemberRole {
  RESPONSIBLE
  ACCOUNTABLE
  CONSULTED
  INFORMED
}

"""A planned milestone; its weight shares out the planned value."""
type Milestone {
  id: UUID!
  name: String!
  dueOn: Date!
  weight: Decimal!
  completedAt: DateTime
}

"""
Every command, one mutation each: it is recorded as an event, or refused with a typed error that says why, changing nothing.
"""
type Mutation {
  """
  Open an engagement for a client: its title, objectives, planned dates, budget in its currency, and owner.
  """
  openEngagement(input: OpenEngagementInput!): EngagementResult!

  """
  Set a measurable objective: what, by which metric, the target and the date it is due.
  """
  setObjective(input: SetObjectiveInput!): EngagementResult!

  """Record the measured result of an objective."""
  recordObjectiveResult(input: RecordObjectiveResultInput!): EngagementResult!

  """
  Plan a milestone with its due date and weight; weights share out the planned value.
  """
  planMilestone(input: PlanMilestoneInput!): EngagementResult!

  """Move an open milestone's due date, saying why."""
  rescheduleMilestone(input: RescheduleMilestoneInput!): EngagementResult!

  """Mark a milestone complete: its weight counts as earned."""
  completeMilestone(input: CompleteMilestoneInput!): EngagementResult!

  """
  Give a person a RACI role in an area; an area has one accountable person at most.
  """
  assignMember(input: AssignMemberInput!): EngagementResult!

  """Take a RACI role in an area from a person."""
  releaseMember(input: ReleaseMemberInput!): EngagementResult!

  """The SLA policy complaints received from now on follow."""
  chooseSlaPolicy(input: ChooseSlaPolicyInput!): EngagementResult!

  """
  Set how often, through which channels and to whom the engagement reports.
  """
  setCommunicationPlan(input: SetCommunicationPlanInput!): EngagementResult!

  """
  Log a meeting held: who attended, the agenda, the minutes and the action items.
  """
  logMeeting(input: LogMeetingInput!): EngagementResult!

  """
  Publish a status report for a period, with its traffic light, summary and next steps.
  """
  publishStatusReport(input: PublishStatusReportInput!): EngagementResult!

  """Record a cost incurred on the engagement, in its currency."""
  recordCost(input: RecordCostInput!): EngagementResult!

  """Set a new budget, saying why; the original stays in the history."""
  reviseBudget(input: ReviseBudgetInput!): EngagementResult!

  """
  Record a client's survey answer: satisfaction (CSAT 1-5) and/or likelihood to recommend (NPS 0-10).
  """
  recordSurveyResponse(input: RecordSurveyResponseInput!): EngagementResult!

  """Start a planned engagement."""
  startEngagement(input: StartEngagementInput!): EngagementResult!

  """Put an active engagement on hold, saying why."""
  putEngagementOnHold(input: PutEngagementOnHoldInput!): EngagementResult!

  """Resume an engagement on hold."""
  resumeEngagement(input: ResumeEngagementInput!): EngagementResult!

  """
  Refused while complaints are open or must requirements unaccepted, unless forced.
  """
  closeEngagement(input: CloseEngagementInput!): EngagementResult!

  """Archive a closed engagement."""
  archiveEngagement(input: ArchiveEngagementInput!): EngagementResult!

  """
  Capture what the client asked for: title, description, where it came from, its priority and who asked.
  """
  captureRequirement(input: CaptureRequirementInput!): RequirementResult!

  """
  Add a criterion the delivered work must meet; only until the requirement is confirmed.
  """
  addAcceptanceCriterion(input: AddAcceptanceCriterionInput!): RequirementResult!

  """
  Remove an acceptance criterion; only until the requirement is confirmed.
  """
  removeAcceptanceCriterion(input: RemoveAcceptanceCriterionInput!): RequirementResult!

  """The client confirms the requirement and its criteria (at least one)."""
  confirmRequirement(input: ConfirmRequirementInput!): RequirementResult!

  """
  The client asks for a change: a new description, to be confirmed again.
  """
  requestRequirementChange(input: RequestRequirementChangeInput!): RequirementResult!

  """Start work on a confirmed (or rejected) requirement."""
  startRequirement(input: StartRequirementInput!): RequirementResult!

  """Deliver the work, with evidence of it."""
  deliverRequirement(input: DeliverRequirementInput!): RequirementResult!

  """
  The client accepts the delivery; every acceptance criterion must be met.
  """
  acceptRequirement(input: AcceptRequirementInput!): RequirementResult!

  """
  The client rejects the delivery, naming the criteria it does not meet; work starts again.
  """
  rejectRequirement(input: RejectRequirementInput!): RequirementResult!

  """
  Withdraw the requirement, saying why; from any state but accepted or withdrawn.
  """
  withdrawRequirement(input: WithdrawRequirementInput!): RequirementResult!

  """
  Due times come from the SLA policy in force when the complaint was received in the business (its occurred time), also when it is recorded later.
  """
  receiveComplaint(input: ReceiveComplaintInput!): ComplaintResult!

  """
  Give the client the first response: this stops the first-response clock.
  """
  acknowledgeComplaint(input: AcknowledgeComplaintInput!): ComplaintResult!

  """
  Assign an agent; an acknowledged or reopened complaint is then in progress.
  """
  assignComplaint(input: AssignComplaintInput!): ComplaintResult!

  """Escalate to a higher level (1-5), saying why; a level never goes down."""
  escalateComplaint(input: EscalateComplaintInput!): ComplaintResult!

  """
  Add a note to the complaint's thread; an internal note is never shown to the client.
  """
  addComplaintNote(input: AddComplaintNoteInput!): ComplaintResult!

  """
  Wait for the client's answer: the resolution clock pauses until the client replies.
  """
  waitOnClient(input: WaitOnClientInput!): ComplaintResult!

  """
  The client answered: the resolution clock runs again with the time it had left.
  """
  recordClientReply(input: RecordClientReplyInput!): ComplaintResult!

  """Record what caused the complaint, by category, with the analysis."""
  identifyRootCause(input: IdentifyRootCauseInput!): ComplaintResult!

  """
  Resolve the complaint, saying how, and what will keep it from happening again; this stops the resolution clock.
  """
  resolveComplaint(input: ResolveComplaintInput!): ComplaintResult!

  """
  Reopen a resolved complaint, saying why: a new resolution cycle starts with a full target.
  """
  reopenComplaint(input: ReopenComplaintInput!): ComplaintResult!

  """
  Close a resolved complaint, with whether the client confirmed the fix and its satisfaction score.
  """
  closeComplaint(input: CloseComplaintInput!): ComplaintResult!

  """
  Record that an SLA clock is past its due time unmet; once per clock and cycle. The watchdog does this by itself.
  """
  recordSlaBreach(input: RecordSlaBreachInput!): ComplaintResult!

  """
  Record what the complaint's SLA clocks owe now: breaches, warnings and the escalations its policy's rules call for. Issued by the SLA watchdog; records nothing when nothing is owed.
  """
  watchSla(input: WatchSlaInput!): ComplaintResult!

  """
  Add a risk to the engagement's register: title, category, description and owner.
  """
  identifyRisk(input: IdentifyRiskInput!): RiskResult!

  """
  Assess the risk's probability and impact (1-5 each); exposure is their product. Each assessment stays in the history.
  """
  assessRisk(input: AssessRiskInput!): RiskResult!

  """
  Plan the response: the strategy, actions, a contingency plan, what triggers it, and the next review.
  """
  planRiskResponse(input: PlanRiskResponseInput!): RiskResult!

  """Review the risk, with notes and the next review date."""
  reviewRisk(input: ReviewRiskInput!): RiskResult!

  """
  Record that the risk happened, and what; optionally the complaint it led to.
  """
  recordRiskOccurrence(input: RecordRiskOccurrenceInput!): RiskResult!

  """Close the risk, saying why."""
  closeRisk(input: CloseRiskInput!): RiskResult!

  """Working hours per weekday in a time zone, and holidays."""
  defineBusinessCalendar(input: DefineBusinessCalendarInput!): BusinessCalendarResult!

  """
  New rules from now on. A revision changes what it gives and keeps the rest: the time zone; the working hours, which are the whole week's when given (a day left out is a day off); the holidays, all of them when given. \`removeHolidays\` leaves none.
  """
  reviseBusinessCalendar(input: ReviseBusinessCalendarInput!): BusinessCalendarResult!

  """
  Targets for every severity, optionally counted on a business calendar, with a warning at a share of each target and escalation rules.
  """
  defineSlaPolicy(input: DefineSlaPolicyInput!): SlaPolicyResult!

  """
  A new version of the policy, for complaints received from now on. A revision changes what it gives and keeps the rest: the targets of the severities it names, the calendar, the warning share, the escalation rules (all of them when given). \`removeCalendar\`, \`removeWarning\` and \`removeEscalationRules\` take those away. The default policy (\`DEFAULT_POLICY_ID\`) is revised like any other.
  """
  reviseSlaPolicy(input: ReviseSlaPolicyInput!): SlaPolicyResult!

  """A new API token (admins only); its secret is shown once."""
  createToken(input: CreateTokenInput!): CreateTokenResult!

  """Revoke a token (admins only): it stops working at once."""
  revokeToken(id: UUID!): RevokeTokenResult!

  """
  Rebuild views from the whole log into new tables, then switch over (admins only). The live tables keep answering until the switch.
  """
  replayViews(views: [String!] = null): ReplayViewsResult!

  """
  Rebuild views into scratch tables and compare them row by row with the live ones (admins only); the live tables are not changed.
  """
  verifyViews(views: [String!] = null): VerifyViewsResult!

  """
  Register an endpoint (admins only): it receives the events recorded from now on; its signing secret is shown once.
  """
  registerWebhook(input: RegisterWebhookInput!): RegisterWebhookResult!

  """Stop delivering to an endpoint until it is enabled."""
  disableWebhook(id: UUID!): WebhookChangedResult!

  """Deliver to an endpoint again, from where it stopped: nothing is lost."""
  enableWebhook(id: UUID!): WebhookChangedResult!

  """Forget an endpoint and its delivery log."""
  removeWebhook(id: UUID!): WebhookChangedResult!
}

"""Nothing the caller may see has this id."""
type NotFound implements Error {
  message: String!
  kind: String!
  id: String!
}

"""
Who may read a note: INTERNAL notes are the team's alone and never shown to a client; PUBLIC notes are.
"""
enum NoteVisibility {
  INTERNAL
  PUBLIC
}

"""A measurable objective, with its result once measured."""
type Objective {
  id: UUID!
  description: String!
  metric: String!
  target: Decimal!
  dueOn: Date!
  actual: Decimal
}

"""What \`openEngagement\` takes, with what travels with every command."""
input OpenEngagementInput {
  """
  The client's id, from your own systems: a client token sees only its client's engagements.
  """
  clientId: UUID!

  """The client's name (one line)."""
  clientName: String!

  """A short title (one line, at most 200 characters)."""
  title: String!

  """What the engagement is for, one objective each."""
  objectives: [String!]! = []

  """The planned first day."""
  plannedStart: Date!

  """The planned last day, not before the first."""
  plannedEnd: Date!

  """
  The budget, in the engagement's currency, as a decimal string with at most the currency's minor-unit places (e.g. "120000.00" for EUR).
  """
  budget: Decimal!

  """The engagement's currency: an ISO 4217 code such as EUR, USD or JPY."""
  currency: String!

  """Who owns it, as your team names people (one line)."""
  owner: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""A milestone past its due date and not completed."""
type OverdueMilestone {
  milestoneId: UUID!
  name: String!
  dueOn: Date!
}

"""A risk whose next review date has passed."""
type OverdueReview {
  riskId: UUID!
  title: String!
  nextReviewOn: Date!
}

"""Whether more items follow, and the cursor to ask for them with."""
type PageInfo {
  hasNextPage: Boolean!
  endCursor: String
}

"""What one person carries."""
type PersonWorkload {
  """
  The agent a complaint is assigned to, or who started a requirement's work.
  """
  person: String!

  """Complaints assigned to the person and not resolved or closed."""
  openComplaints: Int!

  """
  Of those, the ones an SLA clock has run past its due time (a clock paused while waiting on the client is not due).
  """
  overdueComplaints: Int!

  """Requirements the person started and that are still in progress."""
  requirementsInProgress: Int!

  """Open complaints plus requirements in progress: the items carried."""
  load: Int!
}

"""What \`planMilestone\` takes, with what travels with every command."""
input PlanMilestoneInput {
  """The engagement's id."""
  engagementId: UUID!

  """A short name (one line, at most 200 characters)."""
  name: String!

  """The day it is due."""
  dueOn: Date!

  """
  The milestone's weight, more than zero, as a decimal string: milestones share the planned value by weight.
  """
  weight: Decimal!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`planRiskResponse\` takes, with what travels with every command."""
input PlanRiskResponseInput {
  """The risk's id."""
  riskId: UUID!

  """How the risk is answered."""
  strategy: ResponseStrategy!

  """What will be done, one action each."""
  actions: [String!]!

  """What to do if the risk happens (may span lines)."""
  contingencyPlan: String! = ""

  """What shows the risk is about to happen (may span lines)."""
  trigger: String! = ""

  """When to review the risk next."""
  nextReviewOn: Date!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""All engagements at a glance."""
type Portfolio {
  engagements: Int!
  byHealth: [Count!]!
  byState: [Count!]!
}

"""Where an engagement stands."""
type Progress {
  milestonesTotal: Int!
  milestonesCompleted: Int!
  milestoneCompletionPercent: Decimal
  overdueMilestones: [OverdueMilestone!]!
  requirementsByState: [Count!]!
  acceptancePercent: Decimal
  scopeChurn: Int!
  latestRag: Rag
}

"""A view's position in the log and how far it trails."""
type Projection {
  name: String!
  position: Int!
  head: Int!
  lag: Int!

  """Set while the view cannot take an event: it is not projecting."""
  failure: ProjectionFailure
}

"""Why a view stopped: the event it cannot take."""
type ProjectionFailure {
  """The log position of the event; the view stays just before it."""
  position: Int!
  eventType: String!

  """What the view's database or fold answered."""
  error: String!

  """When the latest attempt failed."""
  failedAt: DateTime!

  """Attempts so far; each waits twice as long as the one before."""
  attempts: Int!
}

"""
What \`publishStatusReport\` takes, with what travels with every command.
"""
input PublishStatusReportInput {
  """The engagement's id."""
  engagementId: UUID!

  """The first day of the period reported on."""
  periodStart: Date!

  """The last day of the period reported on."""
  periodEnd: Date!

  """The report's traffic light."""
  rag: Rag!

  """The summary (may span lines)."""
  summary: String!

  """The next steps (may span lines)."""
  nextSteps: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`putEngagementOnHold\` takes, with what travels with every command.
"""
input PutEngagementOnHoldInput {
  """The engagement's id."""
  engagementId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What Rapport answers: engagements and their figures (now, or as of any moment), their requirements, complaints and risks, the audit trail, and the team's calendars, SLA policies, workload and operations, and who you are.
"""
type Query {
  """
  An engagement by id, live or as of a past moment; null when there is none you may see (or none yet at that moment).
  """
  engagement(id: UUID!, asOf: DateTime = null, axis: TimeAxis! = RECORDED): Engagement

  """Engagements in id order, filtered."""
  engagements(filter: EngagementFilter = null, first: Int! = 20, after: String = null): EngagementConnection!

  """How many engagements, by health and by state."""
  portfolio: Portfolio!

  """A requirement by id; null when there is none you may see."""
  requirement(id: UUID!): Requirement

  """Requirements in id order, filtered."""
  requirements(filter: RequirementFilter = null, first: Int! = 20, after: String = null): RequirementConnection!

  """A complaint by id; null when there is none you may see."""
  complaint(id: UUID!): Complaint

  """Complaints in id order, filtered."""
  complaints(filter: ComplaintFilter = null, first: Int! = 20, after: String = null): ComplaintConnection!

  """A risk by id; null when there is none you may see."""
  risk(id: UUID!): Risk

  """Risks in id order, filtered."""
  risks(filter: RiskFilter = null, first: Int! = 20, after: String = null): RiskConnection!

  """A business calendar by id; null when there is none."""
  businessCalendar(id: UUID!): BusinessCalendar

  """Business calendars in id order."""
  businessCalendars(first: Int! = 20, after: String = null): BusinessCalendarConnection!

  """An SLA policy by id; null when there is none."""
  slaPolicy(id: UUID!): SlaPolicy

  """SLA policies in id order, the default one first."""
  slaPolicies(first: Int! = 20, after: String = null): SlaPolicyConnection!

  """
  Compliance of the complaints received from \`from\` until \`to\` (default now) under the given policy, beside what it was, per severity (managers only). Nothing is recorded.
  """
  slaSimulation(policyId: UUID!, from: DateTime!, to: DateTime = null): SlaSimulation!

  """
  Events in log order, of one aggregate or of one engagement and its children. The cursor is the log position: resume after the last one seen.
  """
  auditTrail(aggregateId: UUID = null, engagementId: UUID = null, first: Int! = 20, after: String = null): AuditEventConnection!

  """
  Waits until every view has taken the log up to \`position\` (an event's, from a subscription or the audit trail), for at most the server's view wait (2 s by default): true when they have, false when the wait ran out. Ask it before reading again what such an event changed. A client token may name only the position of an event it can see.
  """
  viewsReached(position: Int!): Boolean!

  """Each view's position in the log and its lag."""
  projections: [Projection!]!

  """Every API token (admins only); never their secrets."""
  tokens: [Token!]!

  """Every webhook endpoint (admins only); never their secrets."""
  webhooks: [Webhook!]!

  """A webhook endpoint by id (admins only)."""
  webhook(id: UUID!): Webhook!

  """
  Who carries what across every engagement you may see, now: each person's open and overdue complaints and requirements in progress. An engagement's own, also as of a moment, is \`Engagement.workload\`.
  """
  workload: Workload!

  """
  Who you are, as your token says: its id, name, role and client, the mutations your role may run and whether you may see the service's operations. Any token may ask.
  """
  me: Caller!
}

"""A status report's traffic light: RED, AMBER or GREEN."""
enum Rag {
  RED
  AMBER
  GREEN
}

"""What \`receiveComplaint\` takes, with what travels with every command."""
input ReceiveComplaintInput {
  """The engagement's id."""
  engagementId: UUID!

  """How the complaint reached the team."""
  channel: ComplaintChannel!

  """How serious it is."""
  severity: Severity!

  """
  The complaint's category, as your team sorts them, e.g. billing (one line).
  """
  category: String!

  """What the client complains about (may span lines)."""
  description: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`recordClientReply\` takes, with what travels with every command."""
input RecordClientReplyInput {
  """The complaint's id."""
  complaintId: UUID!

  """What the client said (may span lines)."""
  message: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`recordCost\` takes, with what travels with every command."""
input RecordCostInput {
  """The engagement's id."""
  engagementId: UUID!

  """
  The amount, more than zero, in the engagement's currency, as a decimal string with at most the currency's minor-unit places (e.g. "1250.00" for EUR).
  """
  amount: Decimal!

  """What the cost was spent on."""
  category: CostCategory!

  """
  The day the cost was incurred; not after the day the event is recorded for.
  """
  incurredOn: Date!

  """A note on it (may span lines)."""
  note: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`recordObjectiveResult\` takes, with what travels with every command.
"""
input RecordObjectiveResultInput {
  """The engagement's id."""
  engagementId: UUID!

  """The objective's id, as \`createdIds\` gave it when it was set."""
  objectiveId: UUID!

  """The measured value of the metric, as a decimal string."""
  actual: Decimal!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`recordRiskOccurrence\` takes, with what travels with every command.
"""
input RecordRiskOccurrenceInput {
  """The risk's id."""
  riskId: UUID!

  """What happened (may span lines)."""
  whatHappened: String!

  """The complaint the occurrence led to, if any."""
  linkedComplaintId: UUID = null

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`recordSlaBreach\` takes, with what travels with every command."""
input RecordSlaBreachInput {
  """The complaint's id."""
  complaintId: UUID!

  """Which SLA clock."""
  clock: SlaClock!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`recordSurveyResponse\` takes, with what travels with every command.
"""
input RecordSurveyResponseInput {
  """The engagement's id."""
  engagementId: UUID!

  """Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied)."""
  csat: Int = null

  """How likely the client is to recommend the team, 0 to 10."""
  nps: Int = null

  """Who answered, if known (one line)."""
  respondent: String!

  """Through which channel the client answered, e.g. email (one line)."""
  channel: String!

  """The client's comment (may span lines)."""
  comment: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""Something kept as its events: each version is one."""
interface Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
}

"""What \`registerWebhook\` takes."""
input RegisterWebhookInput {
  """An http:// or https:// URL to POST events to."""
  url: String!

  """Event types or patterns, e.g. ["Complaint.*", "Engagement.Closed"]."""
  eventTypes: [String!]! = ["*"]

  """Only this client's events."""
  clientId: UUID = null
}

"""The endpoint registered, or why it was not."""
union RegisterWebhookResult = WebhookRegistered | ValidationError | NotFound | Forbidden

"""What \`rejectRequirement\` takes, with what travels with every command."""
input RejectRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """
  Why the client rejects the delivery, in the client's words (may span lines).
  """
  reason: String!

  """The acceptance criteria the delivery does not meet (at least one)."""
  unmetCriterionIds: [UUID!]!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`releaseMember\` takes, with what travels with every command."""
input ReleaseMemberInput {
  """The engagement's id."""
  engagementId: UUID!

  """The team member, as your team names people (one line)."""
  person: String!

  """The RACI role."""
  role: MemberRole!

  """The area of work the role covers, e.g. billing (one line)."""
  area: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`removeAcceptanceCriterion\` takes, with what travels with every command.
"""
input RemoveAcceptanceCriterionInput {
  """The requirement's id."""
  requirementId: UUID!

  """
  The acceptance criterion's id, as \`createdIds\` gave it when it was added.
  """
  criterionId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`reopenComplaint\` takes, with what travels with every command."""
input ReopenComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""The views replayed, or why nothing was."""
union ReplayViewsResult = ViewsReplayed | ValidationError | NotFound | Forbidden

"""
What \`requestRequirementChange\` takes, with what travels with every command.
"""
input RequestRequirementChangeInput {
  """The requirement's id."""
  requirementId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """The requirement as it should now read (may span lines)."""
  newDescription: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What the client asked for."""
type Requirement implements EngagementChild & Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  engagementId: UUID!

  """Its engagement; under an engagement as of a moment, that engagement."""
  engagement: Engagement
  title: String!
  description: String!
  source: RequirementSource!
  priority: RequirementPriority!
  requestedBy: String!
  state: RequirementState!
  capturedAt: DateTime!
  updatedAt: DateTime!
  secondsInState: Float!

  """How many acceptance criteria it has (they are in \`criteria\`)."""
  acceptanceCriteria: Int!

  """Its acceptance criteria, in the order they were added."""
  criteria: [AcceptanceCriterion!]!
  confirmedBy: String
  changeRequests: Int!
  rejections: Int!
  acceptedBy: String
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type RequirementConnection {
  edges: [RequirementEdge!]!
  pageInfo: PageInfo!
  nodes: [Requirement!]!
}

"""An item of a page, with its cursor."""
type RequirementEdge {
  cursor: String!
  node: Requirement!
}

"""Requirements whose fields equal every value given."""
input RequirementFilter {
  """The engagement's id."""
  engagementId: UUID = null

  """In this state."""
  state: RequirementState = null

  """Of this priority."""
  priority: RequirementPriority = null
}

"""
A recorded change to a requirement: its id, version and what it created, and the object as the views show it.
"""
type RequirementPayload {
  requirementId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The requirement as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  requirement: Requirement
}

"""MoSCoW priority: MUST, SHOULD, COULD, or WONT (not this time)."""
enum RequirementPriority {
  MUST
  SHOULD
  COULD
  WONT
}

"""
What a mutation of a requirement answers: RequirementPayload when it was recorded, or the error that says why nothing changed.
"""
union RequirementResult = RequirementPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""Where a requirement came from."""
enum RequirementSource {
  INTERVIEW
  SURVEY
  WORKSHOP
  TICKET
  OTHER
}

"""
Where a requirement is: CAPTURED, CONFIRMED by the client, IN_PROGRESS, DELIVERED, ACCEPTED; or REJECTED (back to work), CHANGE_REQUESTED (to be confirmed again) or WITHDRAWN.
"""
enum RequirementState {
  CAPTURED
  CONFIRMED
  IN_PROGRESS
  DELIVERED
  ACCEPTED
  REJECTED
  CHANGE_REQUESTED
  WITHDRAWN
}

"""
What \`rescheduleMilestone\` takes, with what travels with every command.
"""
input RescheduleMilestoneInput {
  """The engagement's id."""
  engagementId: UUID!

  """The milestone's id, as \`createdIds\` gave it when it was planned."""
  milestoneId: UUID!

  """The day it is due."""
  dueOn: Date!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`resolveComplaint\` takes, with what travels with every command."""
input ResolveComplaintInput {
  """The complaint's id."""
  complaintId: UUID!

  """How it was resolved (may span lines)."""
  resolution: String!

  """What will keep it from happening again (may span lines)."""
  correctiveAction: String! = ""

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""How a risk is answered: AVOID, TRANSFER, MITIGATE or ACCEPT it."""
enum ResponseStrategy {
  AVOID
  TRANSFER
  MITIGATE
  ACCEPT
}

"""What \`resumeEngagement\` takes, with what travels with every command."""
input ResumeEngagementInput {
  """The engagement's id."""
  engagementId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`reviewRisk\` takes, with what travels with every command."""
input ReviewRiskInput {
  """The risk's id."""
  riskId: UUID!

  """The review's notes (may span lines)."""
  notes: String!

  """When to review the risk next."""
  nextReviewOn: Date!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`reviseBudget\` takes, with what travels with every command."""
input ReviseBudgetInput {
  """The engagement's id."""
  engagementId: UUID!

  """
  The new budget, in the engagement's currency, as a decimal string with at most the currency's minor-unit places.
  """
  newBudget: Decimal!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
What \`reviseBusinessCalendar\` takes, with what travels with every command.
"""
input ReviseBusinessCalendarInput {
  """The business calendar's id."""
  calendarId: UUID!

  """The new time zone; null: keep the one it has."""
  timeZone: String = null

  """
  The whole week's working intervals (a day left out is a day off); empty: keep the present hours.
  """
  hours: [WorkingHoursInput!]! = []

  """Holidays that replace all the present ones; empty: keep them."""
  holidays: [Date!]! = []

  """Keep no holidays from now on."""
  removeHolidays: Boolean! = false

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`reviseSlaPolicy\` takes, with what travels with every command."""
input ReviseSlaPolicyInput {
  """The SLA policy's id."""
  policyId: UUID!

  """Targets of the severities to change; the others keep theirs."""
  targets: [SeverityTargetsInput!]! = []

  """
  The business calendar to count the policy's time on from now on; null: keep the one it has.
  """
  calendarId: UUID = null

  """Count the policy's time on the wall clock from now on."""
  removeCalendar: Boolean! = false

  """The new warning share, 1 to 99; null: keep the one it has."""
  warningPercent: Int = null

  """Give no warnings from now on."""
  removeWarning: Boolean! = false

  """Rules that replace all the present ones; empty: keep them."""
  escalationRules: [EscalationRuleInput!]! = []

  """Escalate nothing by rule from now on."""
  removeEscalationRules: Boolean! = false

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""The revoked token, or why nothing changed."""
union RevokeTokenResult = TokenRevoked | ValidationError | NotFound | Forbidden

"""A risk of the register."""
type Risk implements EngagementChild & Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  engagementId: UUID!

  """Its engagement; under an engagement as of a moment, that engagement."""
  engagement: Engagement
  title: String!
  category: RiskCategory!
  description: String!
  owner: String!
  state: RiskState!
  identifiedAt: DateTime!
  updatedAt: DateTime!
  secondsInState: Float!
  probability: Int
  impact: Int
  exposure: Int
  level: RiskLevel
  assessments: Int!
  strategy: ResponseStrategy
  nextReviewOn: Date
  reviewOverdue: Boolean!
  reviews: Int!
  linkedComplaintId: UUID
}

"""What kind of risk it is."""
enum RiskCategory {
  TECHNICAL
  RESOURCE
  SCHEDULE
  COST
  CUSTOMER
  EXTERNAL
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type RiskConnection {
  edges: [RiskEdge!]!
  pageInfo: PageInfo!
  nodes: [Risk!]!
}

"""An item of a page, with its cursor."""
type RiskEdge {
  cursor: String!
  node: Risk!
}

"""A risk with its exposure (probability times impact)."""
type RiskExposure {
  riskId: UUID!
  title: String!
  probability: Int!
  impact: Int!
  exposure: Int!
  level: RiskLevel!
  hasResponsePlan: Boolean!
}

"""Risks whose fields equal every value given."""
input RiskFilter {
  """The engagement's id."""
  engagementId: UUID = null

  """In this state."""
  state: RiskState = null

  """Assessed risks of this level only."""
  level: RiskLevel = null
}

"""
A risk's level by exposure (probability times impact): LOW 1-4, MEDIUM 5-9, HIGH 10-16, CRITICAL 20-25.
"""
enum RiskLevel {
  LOW
  MEDIUM
  HIGH
  CRITICAL
}

"""
A recorded change to a risk: its id, version and what it created, and the object as the views show it.
"""
type RiskPayload {
  riskId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The risk as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  risk: Risk
}

"""The risk register's figures."""
type RiskRegister {
  risksTotal: Int!
  risksByState: [Count!]!

  """Counts of assessed open risks: heatMap[probability - 1][impact - 1]."""
  heatMap: [[Int!]!]!
  topExposures: [RiskExposure!]!
  reviewsOverdue: [OverdueReview!]!
  maxExposureWithoutPlan: Int
}

"""
What a mutation of a risk answers: RiskPayload when it was recorded, or the error that says why nothing changed.
"""
union RiskResult = RiskPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""
Where a risk is: IDENTIFIED, ASSESSED, RESPONDING (a response is planned), OCCURRED, or CLOSED.
"""
enum RiskState {
  IDENTIFIED
  ASSESSED
  RESPONDING
  OCCURRED
  CLOSED
}

"""A business rule forbids the change; \`rule\` is a stable name."""
type RuleViolation implements Error {
  message: String!
  rule: String!
  subjects: [String!]!
}

"""How the client feels and how fast the team answers."""
type Satisfaction {
  csatResponses: Int!
  csatMean: Decimal
  csatPercent: Decimal
  npsResponses: Int!
  promoters: Int!
  detractors: Int!
  nps: Decimal
  responsesPerWeek: [Count!]!

  """CSAT and NPS per ISO week with any survey response, oldest first."""
  weekly: [SatisfactionWeek!]!
  complaintsReceived: Int!
  openBySeverity: [Count!]!
  openPastDueBySeverity: [Count!]!
  firstResponseTime: Durations!
  resolutionTime: Durations!
  slaCompliance: [SlaCompliance!]!
  reopenRatePercent: Decimal
  escalationRatePercent: Decimal
  slaBreaches: Int!
  slaBreachesTrailing28Days: Int!
  slaBreachTimes: [DateTime!]!
}

"""The survey responses of one ISO week, by their occurred time."""
type SatisfactionWeek {
  """The week's Monday."""
  week: Date!

  """Responses with a CSAT score."""
  csatResponses: Int!

  """
  Their mean CSAT score (1-5), as \`Satisfaction.csatMean\`; null with none.
  """
  csatMean: Decimal

  """Responses with an NPS score."""
  npsResponses: Int!

  """
  Their NPS, as \`Satisfaction.nps\`: % promoters - % detractors; null with none.
  """
  nps: Decimal
}

"""
What \`setCommunicationPlan\` takes, with what travels with every command.
"""
input SetCommunicationPlanInput {
  """The engagement's id."""
  engagementId: UUID!

  """How often, e.g. weekly (one line)."""
  cadence: String!

  """Through which channels, e.g. email, one each."""
  channels: [String!]!

  """Who receives the reports, one name each."""
  audience: [String!]!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`setObjective\` takes, with what travels with every command."""
input SetObjectiveInput {
  """The engagement's id."""
  engagementId: UUID!

  """The objective's id, as \`createdIds\` gave it when it was set."""
  objectiveId: UUID = null

  """What it is about (may span lines)."""
  description: String!

  """What is measured, e.g. hours to first response (one line)."""
  metric: String!

  """The target value of the metric, as a decimal string."""
  target: Decimal!

  """The day it is due."""
  dueOn: Date!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""How serious a complaint is; the SLA policy sets targets per severity."""
enum Severity {
  CRITICAL
  HIGH
  MEDIUM
  LOW
}

"""One severity's compliance as it was and as it would have been."""
type SeverityComparison {
  severity: Severity!
  complaints: Int!

  """Under the policy each complaint was received under."""
  actual: [SlaCompliance!]!

  """Under the given policy."""
  simulated: [SlaCompliance!]!
}

"""A severity's targets, in minutes of the policy's time."""
type SeverityTargets {
  severity: Severity!
  firstResponseMinutes: Int!
  resolutionMinutes: Int!
}

"""Targets of one severity, in minutes of the policy's time."""
input SeverityTargetsInput {
  """How serious it is."""
  severity: Severity!

  """Minutes of the policy's time until the first response is due."""
  firstResponseMinutes: Int!

  """Minutes of the policy's time until the resolution is due."""
  resolutionMinutes: Int!
}

"""
One of a complaint's two SLA clocks: the FIRST_RESPONSE (until acknowledged) or the RESOLUTION (until resolved, per cycle).
"""
enum SlaClock {
  FIRST_RESPONSE
  RESOLUTION
}

"""
One SLA clock's compliance: met / (answered + unanswered past due); a clock still running and not yet due is not counted.
"""
type SlaCompliance {
  clock: SlaClock!
  met: Int!
  answered: Int!
  unansweredPastDue: Int!
  percent: Decimal
}

"""
How soon complaints must be answered and resolved; complaints keep the version in force when they were received.
"""
type SlaPolicy implements Recorded {
  id: UUID!
  version: Int!

  """
  Its events, oldest first; under an engagement as of a moment, the events known (or that had happened) by then.
  """
  history(first: Int! = 20, after: String = null): AuditEventConnection!
  name: String!

  """
  The policy engagements follow until they choose another; at version 0 until first revised.
  """
  isDefault: Boolean!
  targets: [SeverityTargets!]!

  """The business calendar its time is counted on; null: wall-clock time."""
  calendarId: UUID

  """A warning when a clock has used this share of its target; null: none."""
  warningPercent: Int
  escalationRules: [EscalationRule!]!
  definedAt: DateTime
  updatedAt: DateTime
  lastReason: String
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type SlaPolicyConnection {
  edges: [SlaPolicyEdge!]!
  pageInfo: PageInfo!
  nodes: [SlaPolicy!]!
}

"""An item of a page, with its cursor."""
type SlaPolicyEdge {
  cursor: String!
  node: SlaPolicy!
}

"""
A recorded change to an SLA policy: its id, version and what it created, and the object as the views show it.
"""
type SlaPolicyPayload {
  slaPolicyId: UUID!
  version: Int!

  """
  Ids the command gave to what it created (the new object, a milestone...).
  """
  createdIds: [UUID!]!

  """
  True when this answers an earlier request with the same idempotency key.
  """
  replayed: Boolean!

  """
  True when the views showed the command's changes before this answer; false when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as when a projector is behind or stopped. The command was recorded either way; the version and ids are final.
  """
  viewsCurrent: Boolean!

  """
  The SLA policy as the views show it. With viewsCurrent true, that includes this change; otherwise it is what the views show so far, null when they do not show it yet: query it again once they catch up.
  """
  slaPolicy: SlaPolicy
}

"""
What a mutation of an SLA policy answers: SlaPolicyPayload when it was recorded, or the error that says why nothing changed.
"""
union SlaPolicyResult = SlaPolicyPayload | ValidationError | NotFound | ConcurrencyConflict | Forbidden | RuleViolation

"""
Past complaints' SLA compliance under another policy, beside what it was; nothing is recorded.
"""
type SlaSimulation {
  policyId: UUID!
  policyVersion: Int!
  receivedFrom: DateTime!
  receivedUntil: DateTime!

  """Unanswered clocks are judged as of this."""
  at: DateTime!
  complaints: Int!
  bySeverity: [SeverityComparison!]!
}

"""What an escalation rule reacts to: a clock's BREACH, or its WARNING."""
enum SlaTrigger {
  BREACH
  WARNING
}

"""What \`startEngagement\` takes, with what travels with every command."""
input StartEngagementInput {
  """The engagement's id."""
  engagementId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`startRequirement\` takes, with what travels with every command."""
input StartRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""A status report as it was published."""
type StatusReport {
  """The first day the report covers."""
  periodStart: Date!

  """The last day the report covers."""
  periodEnd: Date!

  """Its traffic light."""
  rag: Rag!

  """Where the engagement stands."""
  summary: String!

  """What comes next; empty when none were given."""
  nextSteps: String!

  """Who published it."""
  publishedBy: String!

  """When it was published, in the business (its \`occurredAt\`)."""
  publishedAt: DateTime!
}

"""Events as they are recorded, over WebSocket."""
type Subscription {
  """
  The engagement's new events (its own and its children's) in log order, as they are written by any process. With \`after\`, first every event after that log position, so a client that reconnects misses nothing.
  """
  engagementEvents(engagementId: UUID!, after: Int = null): AuditEvent!
}

"""A person's RACI role in an area of the engagement."""
type TeamMember {
  person: String!
  role: MemberRole!
  area: String!
}

"""
Which time an as-of question is on: RECORDED (as known at T: what Rapport had stored by T) or OCCURRED (as it was in the business at T).
"""
enum TimeAxis {
  RECORDED
  OCCURRED
}

"""An API token; its secret is shown only when it is created."""
type Token {
  id: UUID!
  name: String!
  role: TokenRole!
  clientId: UUID
  createdAt: DateTime!
  revokedAt: DateTime
}

"""A new API token, with its secret: shown this once only."""
type TokenCreated {
  token: Token!

  """Send as \`Authorization: Bearer <secret>\`."""
  secret: String!
}

"""A token revoked: refused from the next request on."""
type TokenRevoked {
  token: Token!
}

"""
What an API token may do: ADMIN, MANAGER, AGENT and VIEWER are the service team's; CLIENT acts for one client, on its engagements only.
"""
enum TokenRole {
  ADMIN
  MANAGER
  AGENT
  VIEWER
  CLIENT
}

"""An id, as a UUID string, e.g. 6f1c8a52-4a1e-4d5e-9d7e-0c1f2b3a4d5e."""
scalar UUID

"""An input value is out of its allowed range or shape."""
type ValidationError implements Error {
  message: String!

  """Path to the input value, e.g. ["input", "severity"]"""
  field: [String!]!
}

"""The views compared, or why they were not."""
union VerifyViewsResult = ViewsVerified | ValidationError | NotFound | Forbidden

"""Where a live view differs from a rebuild of it from the log."""
type ViewDifference {
  view: String!

  """The row's key; empty when the difference is in no single row."""
  key: String!

  """
  \`missing from live\`, \`not in rebuild\`, \`differs\`, or why the view fails.
  """
  problem: String!
}

"""Views rebuilt from the whole log, and how many events that read."""
type ViewsReplayed {
  views: [String!]!
  events: Int!
}

"""Views rebuilt into scratch tables and compared with the live ones."""
type ViewsVerified {
  views: [String!]!

  """Empty when every view equals a rebuild from the log."""
  differences: [ViewDifference!]!
}

"""What \`waitOnClient\` takes, with what travels with every command."""
input WaitOnClientInput {
  """The complaint's id."""
  complaintId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""What \`watchSla\` takes, with what travels with every command."""
input WatchSlaInput {
  """The complaint's id."""
  complaintId: UUID!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""
An endpoint that receives the log's events it wants, in order, signed; its secret is shown only when it is registered.
"""
type Webhook {
  id: UUID!
  url: String!

  """Event types ("Complaint.Escalated") or patterns ("Complaint.*", "*")."""
  eventTypes: [String!]!

  """Only this client's events; null: every event."""
  clientId: UUID
  createdAt: DateTime!
  createdBy: String!

  """The log position delivered up to."""
  position: Int!

  """When the current run of failed deliveries began; null: none."""
  failingSince: DateTime
  disabledAt: DateTime
  disabledReason: String

  """Delivery attempts, the latest first."""
  deliveries(first: Int! = 20, after: String = null): WebhookDeliveryConnection!
}

"""An endpoint after the change."""
type WebhookChanged {
  webhook: Webhook!
}

"""The endpoint changed, or why nothing changed."""
union WebhookChangedResult = WebhookChanged | ValidationError | NotFound | Forbidden

"""One try at delivering one event to an endpoint."""
type WebhookDelivery {
  """The event's log position."""
  position: Int!
  eventId: UUID!

  """1 for the first try of an event."""
  attempt: Int!
  attemptedAt: DateTime!

  """The HTTP status; null: no answer came."""
  status: Int
  error: String
  latencyMs: Float!
}

"""
A page of items in cursor order: pass \`pageInfo.endCursor\` as \`after\` for the next page.
"""
type WebhookDeliveryConnection {
  edges: [WebhookDeliveryEdge!]!
  pageInfo: PageInfo!
  nodes: [WebhookDelivery!]!
}

"""An item of a page, with its cursor."""
type WebhookDeliveryEdge {
  cursor: String!
  node: WebhookDelivery!
}

"""A registered endpoint, with its signing secret: shown this once only."""
type WebhookRegistered {
  webhook: Webhook!

  """Signs every request (the Rapport-Signature header); shown only now."""
  secret: String!
}

"""A day of the week, in a business calendar's time zone."""
enum Weekday {
  MONDAY
  TUESDAY
  WEDNESDAY
  THURSDAY
  FRIDAY
  SATURDAY
  SUNDAY
}

"""
What \`withdrawRequirement\` takes, with what travels with every command.
"""
input WithdrawRequirementInput {
  """The requirement's id."""
  requirementId: UUID!

  """Why, in the team's words (may span lines); kept in the history."""
  reason: String!

  """Refuse the command unless the object is at this version."""
  expectedVersion: Int = null

  """
  Send the same key again and get the first answer, with nothing recorded twice.
  """
  idempotencyKey: String = null

  """When it happened in the business, if not now; never in the future."""
  occurredAt: DateTime = null
}

"""A working interval of a weekday, in local time."""
type WorkingHours {
  day: Weekday!

  """HH:MM"""
  start: String!

  """HH:MM; 24:00 is the end of the day"""
  end: String!
}

"""
One working interval: a weekday and local times "HH:MM" ("24:00" ends the day).
"""
input WorkingHoursInput {
  """The weekday."""
  day: Weekday!

  """The interval's start, HH:MM in the calendar's time zone."""
  start: String!

  """The interval's end, HH:MM; 24:00 is the end of the day."""
  end: String!
}

"""Who carries what: people with something open, by name."""
type Workload {
  people: [PersonWorkload!]!

  """Open complaints nobody is assigned to."""
  unassignedOpenComplaints: Int!

  """Of those, the ones an SLA clock has run past its due time."""
  unassignedOverdueComplaints: Int!
}
`);function Yi(e,t){return t?{...e,widget:e.widget===`lines`?`choices`:`choice`,options:t.map(e=>e.value),labels:Object.fromEntries(t.map(e=>[e.value,e.label]))}:e}var Xi=new Set([`idempotencyKey`,`expectedVersion`]);function Zi(e){let t=e.replace(/([a-z0-9])([A-Z])/g,`$1 $2`).toLowerCase();return t.charAt(0).toUpperCase()+t.slice(1).replace(/\bid\b/,`id`)}function Qi(e,t){let n=U(e)?e.ofType:e;if(H(n)){let e=K(n);return V(e)?`groups`:B(e)?`choices`:`lines`}let r=K(n);if(V(r))return`group`;if(B(r))return`choice`;switch(r.name){case`Int`:return`integer`;case`Decimal`:return`decimal`;case`Date`:return`date`;case`DateTime`:return`datetime`;case`Boolean`:return`boolean`;default:return/may span lines/.test(t)?`textarea`:`text`}}function $i(e){let t=e.description??``,n=K(e.type);return{name:e.name,label:Zi(e.name),help:t,widget:Qi(e.type,t),required:U(e.type)&&e.defaultValue===void 0,options:B(n)?n.getValues().map(e=>e.name):[],fields:V(n)?Object.values(n.getFields()).map($i):[]}}function ea(e){let t=Ji.getMutationType()?.getFields()[e],n=t?.args.find(e=>e.name===`input`),r=n&&K(n.type);if(!t||!r||!V(r))throw Error(`Rapport has no mutation ${e} taking an input`);return{mutation:e,description:t.description??``,inputType:r.name,fields:Object.values(r.getFields()).filter(e=>!Xi.has(e.name)).map($i),takesIdempotencyKey:`idempotencyKey`in r.getFields()}}async function ta(e,t,n,r=``){let i=`mutation Run($input: ${t.inputType}!) {
    result: ${t.mutation}(input: $input) {
      __typename
      ${r}
      ... on Error { message }
      ... on ValidationError { field }
      ... on RuleViolation { rule }
    }
  }`,a=t.takesIdempotencyKey?{...n,idempotencyKey:crypto.randomUUID()}:n,o=await e.mutation(i,{input:a}).toPromise();if(o.error)return{ok:!1,refusal:{kind:`Error`,message:o.error.graphQLErrors[0]?.message??o.error.message,field:null}};let s=o.data?.result;if(`message`in s&&typeof s.message==`string`){let e=s.field??[];return{ok:!1,refusal:{kind:s.__typename,message:s.message,field:e[1]??null}}}return{ok:!0,payload:s}}function na(e){return Object.values(Ji.getMutationType()?.getFields()??{}).filter(t=>{let n=t.args.find(e=>e.name===`input`),r=n&&K(n.type);return r&&V(r)&&e in r.getFields()}).map(e=>e.name)}function ra(e){return e==null||e===``?`—`:String(e)}function ia(e){return e.toLowerCase().replace(/_/g,` `)}function aa(e){return e==null?`—`:`${e} %`}function oa(e,t){return e==null?`—`:`${e} ${t}`}function sa(e){return e?new Date(e).toLocaleString(void 0,{year:`numeric`,month:`short`,day:`numeric`,hour:`2-digit`,minute:`2-digit`}):`—`}function ca(e){let t=Math.floor(Math.abs(e)/60),n=Math.floor(t/1440),r=Math.floor(t%1440/60),i=t%60;return n>0?`${n} d ${r} h`:r>0?`${r} h ${String(i).padStart(2,`0`)} min`:`${i} min`}function la(e,t=!1){let n=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${n(e.getMonth()+1)}-${n(e.getDate())}T${n(e.getHours())}:${n(e.getMinutes())}`+(t?`:${n(e.getSeconds())}`:``)}function ua(e){let t={};for(let n of e)t[n.name]=da(n);return t}function da(e){switch(e.widget){case`boolean`:return!1;case`choices`:return[];case`group`:return ua(e.fields);case`groups`:return[];default:return``}}function fa(e,t){let n={};for(let r of e){let e=pa(r,t[r.name]);e!==void 0&&(n[r.name]=e)}return n}function pa(e,t){switch(e.widget){case`boolean`:return!!t;case`choices`:return t;case`group`:return fa(e.fields,t);case`groups`:return t.map(t=>fa(e.fields,t));case`lines`:{let n=String(t??``).split(`
`).map(e=>e.trim()).filter(Boolean);return n.length||e.required?n:void 0}default:{let n=String(t??``);return n.trim()===``?e.required&&e.widget!==`integer`?n:void 0:e.widget===`integer`?Number(n):e.widget===`datetime`?new Date(n).toISOString():n}}}var ma={class:`field`},ha={key:0},ga={key:0,"aria-hidden":`true`},_a=[`id`],va=[`checked`,`onChange`],ya=[`onClick`],ba=[`for`],xa={key:0,"aria-hidden":`true`},Sa=[`id`,`required`,`aria-invalid`,`aria-describedby`],Ca={key:0,value:``},wa=[`value`],Ta=[`id`,`required`,`aria-invalid`,`aria-describedby`],Ea=[`id`,`aria-describedby`],Da=[`id`,`type`,`inputmode`,`required`,`aria-invalid`,`aria-describedby`],Oa=[`id`],ka=[`id`],Aa=r({__name:`FieldInput`,props:re({spec:{},idPrefix:{},error:{}},{modelValue:{type:[String,Boolean,Array,Object],required:!0},modelModifiers:{}}),emits:[`update:modelValue`],setup(e){let r=e,i=t(e,`modelValue`),o=p(()=>`${r.idPrefix}-${r.spec.name}`),s=p(()=>[r.spec.help?`${o.value}-help`:``,r.error?`${o.value}-error`:``].filter(Boolean).join(` `)||void 0),f=p(()=>i.value);function m(){i.value=[...f.value,ua(r.spec.fields)]}function ne(e){i.value=f.value.filter((t,n)=>n!==e)}function re(e,t){let n=i.value;i.value=t?[...n,e]:n.filter(t=>t!==e)}return(t,r)=>{let p=le(`FieldInput`,!0);return c(),v(`div`,ma,[e.spec.widget===`group`||e.spec.widget===`groups`||e.spec.widget===`choices`?(c(),v(`fieldset`,ha,[y(`legend`,null,[d(g(e.spec.label),1),e.spec.required?(c(),v(`span`,ga,` *`)):n(``,!0)]),e.spec.help?(c(),v(`p`,{key:0,id:`${o.value}-help`,class:`muted`},g(e.spec.help),9,_a)):n(``,!0),e.spec.widget===`group`?(c(!0),v(_,{key:1},l(e.spec.fields,e=>(c(),u(p,{key:e.name,modelValue:i.value[e.name],"onUpdate:modelValue":t=>i.value[e.name]=t,spec:e,"id-prefix":o.value},null,8,[`modelValue`,`onUpdate:modelValue`,`spec`,`id-prefix`]))),128)):e.spec.widget===`choices`?(c(!0),v(_,{key:2},l(e.spec.options,t=>(c(),v(`label`,{key:t,class:`choice`},[y(`input`,{type:`checkbox`,checked:i.value.includes(t),onChange:e=>re(t,e.target.checked)},null,40,va),d(` `+g(e.spec.labels?.[t]??t),1)]))),128)):(c(),v(_,{key:3},[(c(!0),v(_,null,l(f.value,(t,n)=>(c(),v(`div`,{key:n,class:`card`},[(c(!0),v(_,null,l(e.spec.fields,e=>(c(),u(p,{key:e.name,modelValue:t[e.name],"onUpdate:modelValue":n=>t[e.name]=n,spec:e,"id-prefix":`${o.value}-${n}`},null,8,[`modelValue`,`onUpdate:modelValue`,`spec`,`id-prefix`]))),128)),y(`button`,{type:`button`,class:`secondary`,onClick:e=>ne(n)},` Remove `+g(e.spec.label.toLowerCase())+` `+g(n+1),9,ya)]))),128)),y(`button`,{type:`button`,class:`secondary`,onClick:m},`Add `+g(e.spec.label.toLowerCase()),1)],64))])):(c(),v(_,{key:1},[y(`label`,{for:o.value},[d(g(e.spec.label),1),e.spec.required?(c(),v(`span`,xa,` *`)):n(``,!0)],8,ba),e.spec.widget===`choice`?a((c(),v(`select`,{key:0,id:o.value,"onUpdate:modelValue":r[0]||=e=>i.value=e,required:e.spec.required,"aria-invalid":!!e.error,"aria-describedby":s.value},[e.spec.required?n(``,!0):(c(),v(`option`,Ca,`(none)`)),(c(!0),v(_,null,l(e.spec.options,t=>(c(),v(`option`,{key:t,value:t},g(e.spec.labels?.[t]??t),9,wa))),128))],8,Sa)),[[te,i.value]]):e.spec.widget===`textarea`||e.spec.widget===`lines`?a((c(),v(`textarea`,{key:1,id:o.value,"onUpdate:modelValue":r[1]||=e=>i.value=e,required:e.spec.required,"aria-invalid":!!e.error,"aria-describedby":s.value},null,8,Ta)),[[ee,i.value]]):e.spec.widget===`boolean`?a((c(),v(`input`,{key:2,id:o.value,"onUpdate:modelValue":r[2]||=e=>i.value=e,type:`checkbox`,class:`checkbox`,"aria-describedby":s.value},null,8,Ea)),[[h,i.value]]):a((c(),v(`input`,{key:3,id:o.value,"onUpdate:modelValue":r[3]||=e=>i.value=e,type:{integer:`number`,date:`date`,datetime:`datetime-local`}[e.spec.widget]??`text`,inputmode:e.spec.widget===`decimal`?`decimal`:void 0,required:e.spec.required,"aria-invalid":!!e.error,"aria-describedby":s.value},null,8,Da)),[[oe,i.value]]),e.spec.help?(c(),v(`p`,{key:4,id:`${o.value}-help`,class:`muted help`},[d(g(e.spec.help),1),e.spec.widget===`lines`?(c(),v(_,{key:0},[d(` One per line.`)],64)):n(``,!0)],8,Oa)):n(``,!0),e.error?(c(),v(`p`,{key:5,id:`${o.value}-error`,class:`field-error`,role:`alert`},g(e.error),9,ka)):n(``,!0)],64))])}}}),ja=[`aria-label`],Ma={key:0,class:`muted`},Na={key:1,class:`error`,role:`alert`},Pa={key:2,class:`muted`,role:`status`},Fa=[`disabled`],Ia=r({__name:`CommandForm`,props:{mutation:{},fixed:{default:()=>({})},title:{default:``},selection:{default:``},choices:{default:()=>({})}},emits:[`done`],setup(t,{emit:r}){let i=t,a=r,o=ea(i.mutation),d=p(()=>o.fields.filter(e=>!(e.name in i.fixed)).map(e=>Yi(e,i.choices[e.name]))),m=se(ua(d.value)),h=se({}),ee=s(``),te=s(``),ne=s(!1),re=ie(),ae=`form-${i.mutation}-${Math.random().toString(36).slice(2,8)}`;function oe(){let e=!1;for(let t of d.value){let n=m[t.name];t.required&&[`text`,`textarea`,`integer`,`decimal`,`date`,`datetime`,`choice`].includes(t.widget)&&String(n??``).trim()===``&&(h[t.name]=`Required.`,e=!0)}return e}async function ce(){for(let e of Object.keys(h))delete h[e];if(ee.value=``,te.value=``,!oe()){ne.value=!0;try{let e={...fa(d.value,m),...i.fixed},t=await ta(re.client,o,e,i.selection);t.ok?(Object.assign(m,ua(d.value)),te.value=`${i.title||`The command`}: done.`,a(`done`,t.payload)):t.refusal.field&&t.refusal.field in m?h[t.refusal.field]=t.refusal.message:ee.value=t.refusal.message}finally{ne.value=!1}}}return(r,i)=>(c(),v(`form`,{class:`command`,"aria-label":t.title||e(o).description,novalidate:``,onSubmit:f(ce,[`prevent`])},[e(o).description?(c(),v(`p`,Ma,g(e(o).description),1)):n(``,!0),(c(!0),v(_,null,l(d.value,e=>(c(),u(Aa,{key:e.name,modelValue:m[e.name],"onUpdate:modelValue":t=>m[e.name]=t,spec:e,"id-prefix":ae,error:h[e.name]},null,8,[`modelValue`,`onUpdate:modelValue`,`spec`,`error`]))),128)),ee.value?(c(),v(`p`,Na,g(ee.value),1)):n(``,!0),te.value?(c(),v(`p`,Pa,g(te.value),1)):n(``,!0),y(`button`,{type:`submit`,disabled:ne.value},g(ne.value?`Sending…`:t.title||`Send`),9,Fa)],40,ja))}}),La=[`aria-label`],Ra=r({__name:`CommandPanel`,props:{mutations:{},fixed:{default:()=>({})},heading:{default:`Actions`},choices:{default:()=>({})}},emits:[`done`],setup(t,{emit:r}){let a=t,o=r,s=p(()=>a.mutations.filter(ce));return(r,a)=>s.value.length?(c(),v(`section`,{key:0,class:`commands`,"aria-label":t.heading},[y(`h3`,null,g(t.heading),1),(c(!0),v(_,null,l(s.value,n=>(c(),v(`details`,{key:n,class:`command`},[y(`summary`,null,g(e(Zi)(n)),1),i(Ia,{mutation:n,fixed:t.fixed,title:e(Zi)(n),choices:t.choices,onDone:e=>o(`done`,n,e)},null,8,[`mutation`,`fixed`,`title`,`choices`,`onDone`])]))),128))],8,La)):n(``,!0)}}),za={key:0,class:`banner problem`,role:`alert`},Ba=r({__name:`ProblemNote`,props:{error:{}},setup(e){let t=e,r=p(()=>t.error?ae(t.error):null),i=m();return o(r,e=>{e?.signOut&&(ne(e.message),i.push({name:`sign-in`}))}),(e,t)=>r.value?(c(),v(`p`,za,g(r.value.message),1)):n(``,!0)}});export{la as a,aa as c,ca as i,ia as l,Ra as n,oa as o,sa as r,ra as s,Ba as t,na as u};