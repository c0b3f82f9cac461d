import{$ as e,C as t,D as n,E as r,G as i,J as a,L as o,R as s,S as c,T as l,_ as u,a as d,b as f,d as p,g as m,h,n as g,t as _,tt as v,u as y,v as b,w as x,x as S}from"./index-K9HCNTA0.js";import{a as C,c as w,l as T,n as E,r as D,t as O}from"./ProblemNote-JcBGbBGI.js";import{t as k}from"./TabList-BMXXl6f1.js";import{t as A}from"./_plugin-vue_export-helper-BDNMzG2s.js";var j=[`value`],M=[`disabled`],N={key:0,"aria-label":`Simulated compliance`},P={class:`num`},F=n({__name:`SlaSimulation`,props:{policies:{}},setup(n){let c=n,l=d(`
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
`),g=a(c.policies[0]?.id??``),_=a(C(new Date(Date.now()-2592e6))),y=a(null),E=f(()=>y.value??{policyId:``,from:``}),{data:D,fetching:k,error:A}=p({query:l,variables:E,pause:f(()=>!y.value)});function F(){y.value={policyId:g.value,from:new Date(_.value).toISOString()}}return(a,c)=>(o(),x(b,null,[c[5]||=S(`h2`,null,`What if`,-1),S(`form`,{class:`row`,"aria-label":`SLA simulation`,onSubmit:u(F,[`prevent`])},[S(`div`,null,[c[2]||=S(`label`,{for:`sim-policy`},`Policy`,-1),i(S(`select`,{id:`sim-policy`,"onUpdate:modelValue":c[0]||=e=>g.value=e},[(o(!0),x(b,null,s(n.policies,e=>(o(),x(`option`,{key:e.id,value:e.id},v(e.name),9,j))),128))],512),[[h,g.value]])]),S(`div`,null,[c[3]||=S(`label`,{for:`sim-from`},`Complaints received since`,-1),i(S(`input`,{id:`sim-from`,"onUpdate:modelValue":c[1]||=e=>_.value=e,type:`datetime-local`},null,512),[[m,_.value]])]),S(`button`,{type:`submit`,disabled:e(k)},v(e(k)?`Simulating…`:`Simulate`),9,M)],32),r(O,{error:e(A)},null,8,[`error`]),e(D)?(o(),x(`table`,N,[c[4]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Severity`),S(`th`,{class:`num`},`Complaints`),S(`th`,null,`Actual compliance`),S(`th`,null,`Under this policy`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(D).slaSimulation.bySeverity,t=>(o(),x(`tr`,{key:t.severity},[S(`td`,null,v(t.severity),1),S(`td`,P,v(t.complaints),1),S(`td`,null,[(o(!0),x(b,null,s(t.actual,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))]),S(`td`,null,[(o(!0),x(b,null,s(t.simulated,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))])]))),128))])])):t(``,!0)],64))}}),ee={key:0,class:`banner problem`},te={key:1,role:`tabpanel`,"aria-label":`Views`},ne={"aria-label":`Views`},re={key:0},ie={class:`num`},ae={class:`num`},oe={class:`num`},se={key:0,class:`pill breached`},ce={key:1,class:`pill on-time`},le={key:2,class:`error`},ue={key:0,class:`row`},de=[`disabled`,`aria-label`,`onClick`],fe=[`disabled`,`aria-label`,`onClick`],pe={class:`row actions`},me=[`disabled`],he=[`disabled`],ge=[`aria-label`],I={key:2,role:`status`},L={key:0,"aria-label":`Differences from a rebuild`},_e={key:2,role:`tabpanel`,"aria-label":`Tokens`},ve={key:0,class:`banner info`,role:`status`},ye={class:`secret`,"data-secret":``},be={key:1,class:`error`,role:`alert`},xe={"aria-label":`Tokens`},Se=[`onClick`],Ce={key:3,role:`tabpanel`,"aria-label":`Webhooks`},we={key:0,class:`banner info`,role:`status`},Te={class:`secret`},Ee={class:`muted`},De={key:0,class:`pill breached`},Oe={key:1,class:`pill paused`},ke={class:`row`},Ae=[`onClick`],R=[`onClick`],je=[`onClick`],Me={"aria-label":`Deliveries`},Ne={class:`num`},Pe={class:`num`},Fe={class:`num`},Ie={key:0},Le={key:1,class:`muted`},Re={key:4,role:`tabpanel`,"aria-label":`SLA`},ze={"aria-label":`SLA policies`},Be={key:0,class:`muted`},Ve={class:`num`},He={"aria-label":`Business calendars`},z=A(n({__name:`OperationsPage`,setup(n){let i=d(`
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
`),A={disableWebhook:d(`mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }`),enableWebhook:d(`mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }`),removeWebhook:d(`mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }`)},j=f(()=>[`Views`,_(`createToken`)?`Tokens`:``,_(`registerWebhook`)?`Webhooks`:``,`SLA`].filter(Boolean)),M=a(`Views`),N=p({query:i}),P=p({query:u,pause:f(()=>M.value!==`Tokens`)}),z=p({query:m,pause:f(()=>M.value!==`Webhooks`)}),B=p({query:h,pause:f(()=>M.value!==`SLA`)}),V=y(C),H=y(w),U=f(()=>V.fetching.value||H.fetching.value),W=a(``),G=a(``),K=a(null);function q(e){return e?`the ${e.join(`, `)} view`:`every view`}async function J(e){W.value=`Replaying ${q(e)} from the whole log…`,G.value=``;let t=await V.executeMutation({views:e}),n=t.data?.replayViews;n?.__typename===`ViewsReplayed`?G.value=`Replayed ${n.views.length} view(s) from ${n.events} events.`:G.value=n&&`message`in n?n.message:t.error?.message??`The replay failed.`,W.value=``,N.executeQuery({requestPolicy:`network-only`})}async function Y(e){W.value=`Comparing ${q(e)} with a rebuild from the log…`,G.value=``,K.value=null;let t=await H.executeMutation({views:e}),n=t.data?.verifyViews;n?.__typename===`ViewsVerified`?(K.value=n.differences,G.value=n.differences.length?`${n.differences.length} difference(s) between the live views and a rebuild.`:`${n.views.length} view(s) checked: each equals a rebuild from the log.`):G.value=n&&`message`in n?n.message:t.error?.message??`The check failed.`,W.value=``}let X=a(null);function Ue(e){let t=e;X.value={name:t.token.name,secret:t.secret},P.executeQuery({requestPolicy:`network-only`})}let We=y(T),Z=a(``);async function Ge(e,t){if(!window.confirm(`Revoke the token "${t}"? Whoever uses it is signed out at once.`))return;let n=(await We.executeMutation({id:e})).data?.revokeToken;Z.value=n&&`message`in n?n.message:``,P.executeQuery({requestPolicy:`network-only`})}let Q=a(null);function Ke(e){Q.value=e.secret,z.executeQuery({requestPolicy:`network-only`})}let qe={disableWebhook:y(A.disableWebhook),enableWebhook:y(A.enableWebhook),removeWebhook:y(A.removeWebhook)};async function $(e,t){await qe[e].executeMutation({id:t}),z.executeQuery({requestPolicy:`network-only`})}function Je(){B.executeQuery({requestPolicy:`network-only`})}return(n,i)=>(o(),x(b,null,[i[28]||=S(`h1`,null,`Operations`,-1),e(g).caller?.seesOperations?t(``,!0):(o(),x(`p`,ee,`Your role does not see the service's operations.`)),r(k,{modelValue:M.value,"onUpdate:modelValue":i[0]||=e=>M.value=e,tabs:j.value,label:`Operations`},null,8,[`modelValue`,`tabs`]),M.value===`Views`?(o(),x(`section`,te,[r(O,{error:e(N).error.value},null,8,[`error`]),S(`table`,ne,[S(`thead`,null,[S(`tr`,null,[i[9]||=S(`th`,null,`View`,-1),i[10]||=S(`th`,{class:`num`},`Position`,-1),i[11]||=S(`th`,{class:`num`},`Log head`,-1),i[12]||=S(`th`,{class:`num`},`Lag`,-1),i[13]||=S(`th`,null,`State`,-1),e(_)(`replayViews`)?(o(),x(`th`,re,[...i[8]||=[S(`span`,{class:`visually-hidden`},`Actions`,-1)]])):t(``,!0)])]),S(`tbody`,null,[(o(!0),x(b,null,s(e(N).data.value?.projections??[],n=>(o(),x(`tr`,{key:n.name},[S(`td`,null,v(n.name),1),S(`td`,ie,v(n.position),1),S(`td`,ae,v(n.head),1),S(`td`,oe,v(n.lag),1),S(`td`,null,[n.failure?(o(),x(`span`,se,` FAILED at `+v(n.failure.position)+` (`+v(n.failure.eventType)+`, `+v(n.failure.attempts)+` attempts) `,1)):(o(),x(`span`,ce,`projecting`)),n.failure?(o(),x(`div`,le,v(n.failure.error)+` — since `+v(e(D)(n.failure.failedAt)),1)):t(``,!0)]),e(_)(`replayViews`)?(o(),x(`td`,ue,[S(`button`,{type:`button`,class:`secondary`,disabled:U.value,"aria-label":`Verify ${n.name}`,onClick:e=>Y([n.name])},`Verify`,8,de),S(`button`,{type:`button`,class:`secondary`,disabled:U.value,"aria-label":`Replay ${n.name}`,onClick:e=>J([n.name])},`Replay`,8,fe)])):t(``,!0)]))),128))])]),S(`div`,pe,[S(`button`,{type:`button`,class:`secondary`,onClick:i[1]||=t=>e(N).executeQuery({requestPolicy:`network-only`})},`Refresh`),e(_)(`replayViews`)?(o(),x(b,{key:0},[S(`button`,{type:`button`,disabled:U.value,onClick:i[2]||=e=>Y(null)},`Verify every view`,8,me),S(`button`,{type:`button`,disabled:U.value,onClick:i[3]||=e=>J(null)},`Replay every view`,8,he)],64)):t(``,!0),U.value?(o(),x(`span`,{key:1,role:`progressbar`,"aria-label":W.value,class:`muted`},[i[14]||=S(`span`,{class:`spinner`,"aria-hidden":`true`},null,-1),l(` `+v(W.value)+` The live views keep answering meanwhile. `,1)],8,ge)):t(``,!0),G.value?(o(),x(`span`,I,v(G.value),1)):t(``,!0)]),K.value?.length?(o(),x(`table`,L,[i[15]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`View`),S(`th`,null,`Row`),S(`th`,null,`Difference`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(K.value,e=>(o(),x(`tr`,{key:`${e.view}/${e.key}`},[S(`td`,null,v(e.view),1),S(`td`,null,v(e.key||`—`),1),S(`td`,null,v(e.problem),1)]))),128))])])):t(``,!0)])):t(``,!0),M.value===`Tokens`?(o(),x(`section`,_e,[r(O,{error:e(P).error.value},null,8,[`error`]),X.value?(o(),x(`p`,ve,[i[16]||=l(` The token `,-1),S(`strong`,null,v(X.value.name),1),i[17]||=l(` is `,-1),S(`span`,ye,v(X.value.secret),1),i[18]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[4]||=e=>X.value=null},`Done`)])):t(``,!0),Z.value?(o(),x(`p`,be,v(Z.value),1)):t(``,!0),S(`table`,xe,[i[19]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Name`),S(`th`,null,`Role`),S(`th`,null,`Client`),S(`th`,null,`Created`),S(`th`,null,`Revoked`),S(`th`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(P).data.value?.tokens??[],n=>(o(),x(`tr`,{key:n.id},[S(`td`,null,v(n.name),1),S(`td`,null,v(n.role),1),S(`td`,null,v(n.clientId??`—`),1),S(`td`,null,v(e(D)(n.createdAt)),1),S(`td`,null,v(e(D)(n.revokedAt)),1),S(`td`,null,[!n.revokedAt&&e(_)(`revokeToken`)?(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>Ge(n.id,n.name)},`Revoke`,8,Se)):t(``,!0)])]))),128))])]),r(E,{mutations:[`createToken`],heading:`New token`,selection:`... on TokenCreated { secret token { name } }`,onDone:i[5]||=(e,t)=>Ue(t)})])):t(``,!0),M.value===`Webhooks`?(o(),x(`section`,Ce,[r(O,{error:e(z).error.value},null,8,[`error`]),Q.value?(o(),x(`p`,we,[i[20]||=l(` Signing secret: `,-1),S(`span`,Te,v(Q.value),1),i[21]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[6]||=e=>Q.value=null},`Done`)])):t(``,!0),(o(!0),x(b,null,s(e(z).data.value?.webhooks??[],n=>(o(),x(`div`,{key:n.id,class:`card webhook`},[S(`h3`,null,v(n.url),1),S(`p`,Ee,[l(v(n.eventTypes.length?n.eventTypes.join(`, `):`every event`)+` · delivered up to `+v(n.position)+` · by `+v(n.createdBy)+` `+v(e(D)(n.createdAt))+` `,1),n.failingSince?(o(),x(`span`,De,`failing since `+v(e(D)(n.failingSince)),1)):t(``,!0),n.disabledAt?(o(),x(`span`,Oe,`disabled: `+v(n.disabledReason),1)):t(``,!0)]),S(`div`,ke,[n.disabledAt?(o(),x(`button`,{key:1,type:`button`,class:`secondary`,onClick:e=>$(`enableWebhook`,n.id)},`Enable`,8,R)):(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>$(`disableWebhook`,n.id)},`Disable`,8,Ae)),S(`button`,{type:`button`,class:`secondary`,onClick:e=>$(`removeWebhook`,n.id)},`Remove`,8,je)]),S(`table`,Me,[i[23]||=S(`thead`,null,[S(`tr`,null,[S(`th`,{class:`num`},`Position`),S(`th`,{class:`num`},`Attempt`),S(`th`,null,`At`),S(`th`,null,`Status`),S(`th`,{class:`num`},`ms`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(n.deliveries.nodes,t=>(o(),x(`tr`,{key:`${t.position}-${t.attempt}`},[S(`td`,Ne,v(t.position),1),S(`td`,Pe,v(t.attempt),1),S(`td`,null,v(e(D)(t.attemptedAt)),1),S(`td`,null,v(t.status??t.error),1),S(`td`,Fe,v(t.latencyMs.toFixed(0)),1)]))),128)),n.deliveries.nodes.length?t(``,!0):(o(),x(`tr`,Ie,[...i[22]||=[S(`td`,{colspan:`5`,class:`muted`},`Nothing delivered yet.`,-1)]]))])])]))),128)),e(z).data.value&&!e(z).data.value.webhooks.length?(o(),x(`p`,Le,`No webhook registered.`)):t(``,!0),r(E,{mutations:[`registerWebhook`],heading:`New webhook`,selection:`... on WebhookRegistered { secret }`,onDone:i[7]||=(e,t)=>Ke(t)})])):t(``,!0),M.value===`SLA`?(o(),x(`section`,Re,[r(O,{error:e(B).error.value},null,8,[`error`]),i[26]||=S(`h2`,null,`Policies`,-1),S(`table`,ze,[i[24]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Policy`),S(`th`,null,`Targets (first response / resolution, minutes)`),S(`th`,{class:`num`},`Warning %`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(B).data.value?.slaPolicies.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,[l(v(e.name),1),e.isDefault?(o(),x(`span`,Be,` (default)`)):t(``,!0)]),S(`td`,null,[(o(!0),x(b,null,s(e.targets,e=>(o(),x(`span`,{key:e.severity},v(e.severity)+` `+v(e.firstResponseMinutes)+`/`+v(e.resolutionMinutes)+`; `,1))),128))]),S(`td`,Ve,v(e.warningPercent??`—`),1)]))),128))])]),i[27]||=S(`h2`,null,`Business calendars`,-1),S(`table`,He,[i[25]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Calendar`),S(`th`,null,`Time zone`),S(`th`,null,`Hours`),S(`th`,null,`Holidays`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(B).data.value?.businessCalendars.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,v(e.name),1),S(`td`,null,v(e.timeZone),1),S(`td`,null,[(o(!0),x(b,null,s(e.hours,e=>(o(),x(`span`,{key:`${e.day}${e.start}`},v(e.day)+` `+v(e.start)+`–`+v(e.end)+`; `,1))),128))]),S(`td`,null,v(e.holidays.join(`, `)||`—`),1)]))),128))])]),e(B).data.value?(o(),c(F,{key:0,policies:e(B).data.value.slaPolicies.nodes},null,8,[`policies`])):t(``,!0),r(E,{mutations:[`defineSlaPolicy`,`reviseSlaPolicy`,`defineBusinessCalendar`,`reviseBusinessCalendar`],heading:`Change the SLA setup`,onDone:Je})])):t(``,!0)],64))}}),[[`__scopeId`,`data-v-04337dc1`]]);export{z as default};