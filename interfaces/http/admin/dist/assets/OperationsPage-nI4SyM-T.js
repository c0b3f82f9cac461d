import{$ as e,C as t,D as n,E as r,G as i,J as a,L as o,R as s,S as c,T as l,_ as u,a as d,b as f,d as p,g as m,h,n as g,t as _,tt as v,u as y,v as b,w as x,x as S}from"./index-3dTUSEkn.js";import{a as C,c as w,l as T,n as E,r as D,t as O}from"./ProblemNote-CfqqIZSe.js";import{t as k}from"./_plugin-vue_export-helper-BDNMzG2s.js";var A=[`value`],j=[`disabled`],M={key:0,"aria-label":`Simulated compliance`},N={class:`num`},P=n({__name:`SlaSimulation`,props:{policies:{}},setup(n){let c=n,l=d(`
  query SlaWhatIf($policyId: UUID!, $from: DateTime!) {
    slaSimulation(policyId: $policyId, from: $from) {
      complaints
      bySeverity {
        severity
        complaints
        actual { clock percent met answered }
        simulated { clock percent met answered }
      }
    }
  }
`),g=a(c.policies[0]?.id??``),_=a(C(new Date(Date.now()-2592e6))),y=a(null),E=f(()=>y.value??{policyId:``,from:``}),{data:D,fetching:k,error:P}=p({query:l,variables:E,pause:f(()=>!y.value)});function F(){y.value={policyId:g.value,from:new Date(_.value).toISOString()}}return(a,c)=>(o(),x(b,null,[c[5]||=S(`h2`,null,`What if`,-1),S(`form`,{class:`row`,"aria-label":`SLA simulation`,onSubmit:u(F,[`prevent`])},[S(`div`,null,[c[2]||=S(`label`,{for:`sim-policy`},`Policy`,-1),i(S(`select`,{id:`sim-policy`,"onUpdate:modelValue":c[0]||=e=>g.value=e},[(o(!0),x(b,null,s(n.policies,e=>(o(),x(`option`,{key:e.id,value:e.id},v(e.name),9,A))),128))],512),[[h,g.value]])]),S(`div`,null,[c[3]||=S(`label`,{for:`sim-from`},`Complaints received since`,-1),i(S(`input`,{id:`sim-from`,"onUpdate:modelValue":c[1]||=e=>_.value=e,type:`datetime-local`},null,512),[[m,_.value]])]),S(`button`,{type:`submit`,disabled:e(k)},v(e(k)?`Simulating…`:`Simulate`),9,j)],32),r(O,{error:e(P)},null,8,[`error`]),e(D)?(o(),x(`table`,M,[c[4]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Severity`),S(`th`,{class:`num`},`Complaints`),S(`th`,null,`Actual compliance`),S(`th`,null,`Under this policy`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(D).slaSimulation.bySeverity,t=>(o(),x(`tr`,{key:t.severity},[S(`td`,null,v(t.severity),1),S(`td`,N,v(t.complaints),1),S(`td`,null,[(o(!0),x(b,null,s(t.actual,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))]),S(`td`,null,[(o(!0),x(b,null,s(t.simulated,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))])]))),128))])])):t(``,!0)],64))}}),F={key:0,class:`banner problem`},ee={class:`tabs`,role:`tablist`,"aria-label":`Operations`},te=[`aria-selected`,`onClick`],ne={key:1,role:`tabpanel`,"aria-label":`Views`},re={"aria-label":`Views`},ie={key:0},ae={class:`num`},oe={class:`num`},se={class:`num`},ce={key:0,class:`pill breached`},le={key:1,class:`pill on-time`},ue={key:2,class:`error`},de={key:0,class:`row`},fe=[`disabled`,`aria-label`,`onClick`],pe=[`disabled`,`aria-label`,`onClick`],me={class:`row actions`},he=[`disabled`],ge=[`disabled`],I=[`aria-label`],L={key:2,role:`status`},_e={key:0,"aria-label":`Differences from a rebuild`},ve={key:2,role:`tabpanel`,"aria-label":`Tokens`},ye={key:0,class:`banner info`,role:`status`},be={class:`secret`,"data-secret":``},xe={key:1,class:`error`,role:`alert`},Se={"aria-label":`Tokens`},Ce=[`onClick`],we={key:3,role:`tabpanel`,"aria-label":`Webhooks`},Te={key:0,class:`banner info`,role:`status`},Ee={class:`secret`},De={class:`muted`},Oe={key:0,class:`pill breached`},ke={key:1,class:`pill paused`},Ae={class:`row`},je=[`onClick`],Me=[`onClick`],Ne=[`onClick`],Pe={"aria-label":`Deliveries`},Fe={class:`num`},Ie={class:`num`},Le={class:`num`},Re={key:0},ze={key:1,class:`muted`},Be={key:4,role:`tabpanel`,"aria-label":`SLA`},Ve={"aria-label":`SLA policies`},He={key:0,class:`muted`},Ue={class:`num`},We={"aria-label":`Business calendars`},R=k(n({__name:`OperationsPage`,setup(n){let i=d(`
  query Projections {
    projections {
      name
      position
      head
      lag
      failure { position eventType error failedAt attempts }
    }
  }
`),u=d(`
  query Tokens {
    tokens { id name role clientId createdAt revokedAt }
  }
`),m=d(`
  query Webhooks {
    webhooks {
      id
      url
      eventTypes
      clientId
      createdAt
      createdBy
      position
      failingSince
      disabledAt
      disabledReason
      deliveries(first: 10) { nodes { position attempt attemptedAt status error latencyMs } }
    }
  }
`),h=d(`
  query SlaSetup {
    slaPolicies(first: 100) {
      nodes {
        id
        name
        isDefault
        warningPercent
        calendarId
        targets { severity firstResponseMinutes resolutionMinutes }
      }
    }
    businessCalendars(first: 100) { nodes { id name timeZone holidays hours { day start end } } }
  }
`),C=d(`
  mutation ReplayViews($views: [String!]) {
    replayViews(views: $views) {
      __typename
      ... on ViewsReplayed { views events }
      ... on Error { message }
    }
  }
`),w=d(`
  mutation VerifyViews($views: [String!]) {
    verifyViews(views: $views) {
      __typename
      ... on ViewsVerified { views differences { view key problem } }
      ... on Error { message }
    }
  }
`),T=d(`
  mutation RevokeToken($id: UUID!) {
    revokeToken(id: $id) { __typename ... on Error { message } }
  }
`),k={disableWebhook:d(`mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }`),enableWebhook:d(`mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }`),removeWebhook:d(`mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }`)},A=f(()=>[`Views`,_(`createToken`)?`Tokens`:``,_(`registerWebhook`)?`Webhooks`:``,`SLA`].filter(Boolean)),j=a(`Views`),M=p({query:i}),N=p({query:u,pause:f(()=>j.value!==`Tokens`)}),R=p({query:m,pause:f(()=>j.value!==`Webhooks`)}),z=p({query:h,pause:f(()=>j.value!==`SLA`)}),B=y(C),V=y(w),H=f(()=>B.fetching.value||V.fetching.value),U=a(``),W=a(``),G=a(null);function K(e){return e?`the ${e.join(`, `)} view`:`every view`}async function q(e){U.value=`Replaying ${K(e)} from the whole log…`,W.value=``;let t=await B.executeMutation({views:e}),n=t.data?.replayViews;n?.__typename===`ViewsReplayed`?W.value=`Replayed ${n.views.length} view(s) from ${n.events} events.`:W.value=n&&`message`in n?n.message:t.error?.message??`The replay failed.`,U.value=``,M.executeQuery({requestPolicy:`network-only`})}async function J(e){U.value=`Comparing ${K(e)} with a rebuild from the log…`,W.value=``,G.value=null;let t=await V.executeMutation({views:e}),n=t.data?.verifyViews;n?.__typename===`ViewsVerified`?(G.value=n.differences,W.value=n.differences.length?`${n.differences.length} difference(s) between the live views and a rebuild.`:`${n.views.length} view(s) checked: each equals a rebuild from the log.`):W.value=n&&`message`in n?n.message:t.error?.message??`The check failed.`,U.value=``}let Y=a(null);function Ge(e){let t=e;Y.value={name:t.token.name,secret:t.secret},N.executeQuery({requestPolicy:`network-only`})}let Ke=y(T),X=a(``);async function Z(e,t){if(!window.confirm(`Revoke the token "${t}"? Whoever uses it is signed out at once.`))return;let n=(await Ke.executeMutation({id:e})).data?.revokeToken;X.value=n&&`message`in n?n.message:``,N.executeQuery({requestPolicy:`network-only`})}let Q=a(null);function qe(e){Q.value=e.secret,R.executeQuery({requestPolicy:`network-only`})}let Je={disableWebhook:y(k.disableWebhook),enableWebhook:y(k.enableWebhook),removeWebhook:y(k.removeWebhook)};async function $(e,t){await Je[e].executeMutation({id:t}),R.executeQuery({requestPolicy:`network-only`})}function Ye(){z.executeQuery({requestPolicy:`network-only`})}return(n,i)=>(o(),x(b,null,[i[27]||=S(`h1`,null,`Operations`,-1),e(g).caller?.seesOperations?t(``,!0):(o(),x(`p`,F,`Your role does not see the service's operations.`)),S(`div`,ee,[(o(!0),x(b,null,s(A.value,e=>(o(),x(`button`,{key:e,type:`button`,role:`tab`,"aria-selected":j.value===e,onClick:t=>j.value=e},v(e),9,te))),128))]),j.value===`Views`?(o(),x(`section`,ne,[r(O,{error:e(M).error.value},null,8,[`error`]),S(`table`,re,[S(`thead`,null,[S(`tr`,null,[i[8]||=S(`th`,null,`View`,-1),i[9]||=S(`th`,{class:`num`},`Position`,-1),i[10]||=S(`th`,{class:`num`},`Log head`,-1),i[11]||=S(`th`,{class:`num`},`Lag`,-1),i[12]||=S(`th`,null,`State`,-1),e(_)(`replayViews`)?(o(),x(`th`,ie,[...i[7]||=[S(`span`,{class:`visually-hidden`},`Actions`,-1)]])):t(``,!0)])]),S(`tbody`,null,[(o(!0),x(b,null,s(e(M).data.value?.projections??[],n=>(o(),x(`tr`,{key:n.name},[S(`td`,null,v(n.name),1),S(`td`,ae,v(n.position),1),S(`td`,oe,v(n.head),1),S(`td`,se,v(n.lag),1),S(`td`,null,[n.failure?(o(),x(`span`,ce,` FAILED at `+v(n.failure.position)+` (`+v(n.failure.eventType)+`, `+v(n.failure.attempts)+` attempts) `,1)):(o(),x(`span`,le,`projecting`)),n.failure?(o(),x(`div`,ue,v(n.failure.error)+` — since `+v(e(D)(n.failure.failedAt)),1)):t(``,!0)]),e(_)(`replayViews`)?(o(),x(`td`,de,[S(`button`,{type:`button`,class:`secondary`,disabled:H.value,"aria-label":`Verify ${n.name}`,onClick:e=>J([n.name])},`Verify`,8,fe),S(`button`,{type:`button`,class:`secondary`,disabled:H.value,"aria-label":`Replay ${n.name}`,onClick:e=>q([n.name])},`Replay`,8,pe)])):t(``,!0)]))),128))])]),S(`div`,me,[S(`button`,{type:`button`,class:`secondary`,onClick:i[0]||=t=>e(M).executeQuery({requestPolicy:`network-only`})},`Refresh`),e(_)(`replayViews`)?(o(),x(b,{key:0},[S(`button`,{type:`button`,disabled:H.value,onClick:i[1]||=e=>J(null)},`Verify every view`,8,he),S(`button`,{type:`button`,disabled:H.value,onClick:i[2]||=e=>q(null)},`Replay every view`,8,ge)],64)):t(``,!0),H.value?(o(),x(`span`,{key:1,role:`progressbar`,"aria-label":U.value,class:`muted`},[i[13]||=S(`span`,{class:`spinner`,"aria-hidden":`true`},null,-1),l(` `+v(U.value)+` The live views keep answering meanwhile. `,1)],8,I)):t(``,!0),W.value?(o(),x(`span`,L,v(W.value),1)):t(``,!0)]),G.value?.length?(o(),x(`table`,_e,[i[14]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`View`),S(`th`,null,`Row`),S(`th`,null,`Difference`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(G.value,e=>(o(),x(`tr`,{key:`${e.view}/${e.key}`},[S(`td`,null,v(e.view),1),S(`td`,null,v(e.key||`—`),1),S(`td`,null,v(e.problem),1)]))),128))])])):t(``,!0)])):t(``,!0),j.value===`Tokens`?(o(),x(`section`,ve,[r(O,{error:e(N).error.value},null,8,[`error`]),Y.value?(o(),x(`p`,ye,[i[15]||=l(` The token `,-1),S(`strong`,null,v(Y.value.name),1),i[16]||=l(` is `,-1),S(`span`,be,v(Y.value.secret),1),i[17]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[3]||=e=>Y.value=null},`Done`)])):t(``,!0),X.value?(o(),x(`p`,xe,v(X.value),1)):t(``,!0),S(`table`,Se,[i[18]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Name`),S(`th`,null,`Role`),S(`th`,null,`Client`),S(`th`,null,`Created`),S(`th`,null,`Revoked`),S(`th`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(N).data.value?.tokens??[],n=>(o(),x(`tr`,{key:n.id},[S(`td`,null,v(n.name),1),S(`td`,null,v(n.role),1),S(`td`,null,v(n.clientId??`—`),1),S(`td`,null,v(e(D)(n.createdAt)),1),S(`td`,null,v(e(D)(n.revokedAt)),1),S(`td`,null,[!n.revokedAt&&e(_)(`revokeToken`)?(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>Z(n.id,n.name)},`Revoke`,8,Ce)):t(``,!0)])]))),128))])]),r(E,{mutations:[`createToken`],heading:`New token`,selection:`... on TokenCreated { secret token { name } }`,onDone:i[4]||=(e,t)=>Ge(t)})])):t(``,!0),j.value===`Webhooks`?(o(),x(`section`,we,[r(O,{error:e(R).error.value},null,8,[`error`]),Q.value?(o(),x(`p`,Te,[i[19]||=l(` Signing secret: `,-1),S(`span`,Ee,v(Q.value),1),i[20]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[5]||=e=>Q.value=null},`Done`)])):t(``,!0),(o(!0),x(b,null,s(e(R).data.value?.webhooks??[],n=>(o(),x(`div`,{key:n.id,class:`card webhook`},[S(`h3`,null,v(n.url),1),S(`p`,De,[l(v(n.eventTypes.length?n.eventTypes.join(`, `):`every event`)+` · delivered up to `+v(n.position)+` · by `+v(n.createdBy)+` `+v(e(D)(n.createdAt))+` `,1),n.failingSince?(o(),x(`span`,Oe,`failing since `+v(e(D)(n.failingSince)),1)):t(``,!0),n.disabledAt?(o(),x(`span`,ke,`disabled: `+v(n.disabledReason),1)):t(``,!0)]),S(`div`,Ae,[n.disabledAt?(o(),x(`button`,{key:1,type:`button`,class:`secondary`,onClick:e=>$(`enableWebhook`,n.id)},`Enable`,8,Me)):(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>$(`disableWebhook`,n.id)},`Disable`,8,je)),S(`button`,{type:`button`,class:`secondary`,onClick:e=>$(`removeWebhook`,n.id)},`Remove`,8,Ne)]),S(`table`,Pe,[i[22]||=S(`thead`,null,[S(`tr`,null,[S(`th`,{class:`num`},`Position`),S(`th`,{class:`num`},`Attempt`),S(`th`,null,`At`),S(`th`,null,`Status`),S(`th`,{class:`num`},`ms`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(n.deliveries.nodes,t=>(o(),x(`tr`,{key:`${t.position}-${t.attempt}`},[S(`td`,Fe,v(t.position),1),S(`td`,Ie,v(t.attempt),1),S(`td`,null,v(e(D)(t.attemptedAt)),1),S(`td`,null,v(t.status??t.error),1),S(`td`,Le,v(t.latencyMs.toFixed(0)),1)]))),128)),n.deliveries.nodes.length?t(``,!0):(o(),x(`tr`,Re,[...i[21]||=[S(`td`,{colspan:`5`,class:`muted`},`Nothing delivered yet.`,-1)]]))])])]))),128)),e(R).data.value&&!e(R).data.value.webhooks.length?(o(),x(`p`,ze,`No webhook registered.`)):t(``,!0),r(E,{mutations:[`registerWebhook`],heading:`New webhook`,selection:`... on WebhookRegistered { secret }`,onDone:i[6]||=(e,t)=>qe(t)})])):t(``,!0),j.value===`SLA`?(o(),x(`section`,Be,[r(O,{error:e(z).error.value},null,8,[`error`]),i[25]||=S(`h2`,null,`Policies`,-1),S(`table`,Ve,[i[23]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Policy`),S(`th`,null,`Targets (first response / resolution, minutes)`),S(`th`,{class:`num`},`Warning %`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(z).data.value?.slaPolicies.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,[l(v(e.name),1),e.isDefault?(o(),x(`span`,He,` (default)`)):t(``,!0)]),S(`td`,null,[(o(!0),x(b,null,s(e.targets,e=>(o(),x(`span`,{key:e.severity},v(e.severity)+` `+v(e.firstResponseMinutes)+`/`+v(e.resolutionMinutes)+`; `,1))),128))]),S(`td`,Ue,v(e.warningPercent??`—`),1)]))),128))])]),i[26]||=S(`h2`,null,`Business calendars`,-1),S(`table`,We,[i[24]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Calendar`),S(`th`,null,`Time zone`),S(`th`,null,`Hours`),S(`th`,null,`Holidays`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(z).data.value?.businessCalendars.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,v(e.name),1),S(`td`,null,v(e.timeZone),1),S(`td`,null,[(o(!0),x(b,null,s(e.hours,e=>(o(),x(`span`,{key:`${e.day}${e.start}`},v(e.day)+` `+v(e.start)+`–`+v(e.end)+`; `,1))),128))]),S(`td`,null,v(e.holidays.join(`, `)||`—`),1)]))),128))])]),e(z).data.value?(o(),c(P,{key:0,policies:e(z).data.value.slaPolicies.nodes},null,8,[`policies`])):t(``,!0),r(E,{mutations:[`defineSlaPolicy`,`reviseSlaPolicy`,`defineBusinessCalendar`,`reviseBusinessCalendar`],heading:`Change the SLA setup`,onDone:Ye})])):t(``,!0)],64))}}),[[`__scopeId`,`data-v-7e8c75e6`]]);export{R as default};