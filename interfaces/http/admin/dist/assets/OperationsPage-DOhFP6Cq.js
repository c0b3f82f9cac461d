import{$ as e,C as t,D as n,E as r,G as i,J as a,L as o,R as s,S as c,T as l,_ as u,a as d,b as f,d as p,g as m,h,n as g,t as _,tt as v,u as y,v as b,w as x,x as S}from"./index-BkzhxWt_.js";import{a as C,c as w,l as T,n as E,r as D,t as O}from"./ProblemNote-Ci4sjOfN.js";import{t as k}from"./_plugin-vue_export-helper-BDNMzG2s.js";var A=[`value`],j=[`disabled`],M={key:0,"aria-label":`Simulated compliance`},N={class:`num`},P=n({__name:`SlaSimulation`,props:{policies:{}},setup(n){let c=n,l=d(`
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
`),g=a(c.policies[0]?.id??``),_=a(C(new Date(Date.now()-2592e6))),y=a(null),E=f(()=>y.value??{policyId:``,from:``}),{data:D,fetching:k,error:P}=p({query:l,variables:E,pause:f(()=>!y.value)});function F(){y.value={policyId:g.value,from:new Date(_.value).toISOString()}}return(a,c)=>(o(),x(b,null,[c[5]||=S(`h2`,null,`What if`,-1),S(`form`,{class:`row`,"aria-label":`SLA simulation`,onSubmit:u(F,[`prevent`])},[S(`div`,null,[c[2]||=S(`label`,{for:`sim-policy`},`Policy`,-1),i(S(`select`,{id:`sim-policy`,"onUpdate:modelValue":c[0]||=e=>g.value=e},[(o(!0),x(b,null,s(n.policies,e=>(o(),x(`option`,{key:e.id,value:e.id},v(e.name),9,A))),128))],512),[[h,g.value]])]),S(`div`,null,[c[3]||=S(`label`,{for:`sim-from`},`Complaints received since`,-1),i(S(`input`,{id:`sim-from`,"onUpdate:modelValue":c[1]||=e=>_.value=e,type:`datetime-local`},null,512),[[m,_.value]])]),S(`button`,{type:`submit`,disabled:e(k)},v(e(k)?`Simulating…`:`Simulate`),9,j)],32),r(O,{error:e(P)},null,8,[`error`]),e(D)?(o(),x(`table`,M,[c[4]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Severity`),S(`th`,{class:`num`},`Complaints`),S(`th`,null,`Actual compliance`),S(`th`,null,`Under this policy`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(D).slaSimulation.bySeverity,t=>(o(),x(`tr`,{key:t.severity},[S(`td`,null,v(t.severity),1),S(`td`,N,v(t.complaints),1),S(`td`,null,[(o(!0),x(b,null,s(t.actual,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))]),S(`td`,null,[(o(!0),x(b,null,s(t.simulated,t=>(o(),x(`span`,{key:t.clock},v(e(T)(t.clock))+` `+v(e(w)(t.percent))+`; `,1))),128))])]))),128))])])):t(``,!0)],64))}}),F={key:0,class:`banner problem`},ee={class:`tabs`,role:`tablist`,"aria-label":`Operations`},te=[`aria-selected`,`onClick`],ne={key:1,role:`tabpanel`,"aria-label":`Views`},re={"aria-label":`Views`},ie={class:`num`},ae={class:`num`},oe={class:`num`},se={key:0,class:`pill breached`},ce={key:1,class:`pill on-time`},I={key:2,class:`error`},L={class:`row actions`},R=[`disabled`],z={key:1,role:`progressbar`,"aria-label":`Replaying`,class:`muted`},B={key:2,role:`status`},V={key:2,role:`tabpanel`,"aria-label":`Tokens`},H={key:0,class:`banner info`,role:`status`},U={class:`secret`,"data-secret":``},W={key:1,class:`error`,role:`alert`},G={"aria-label":`Tokens`},le=[`onClick`],ue={key:3,role:`tabpanel`,"aria-label":`Webhooks`},de={key:0,class:`banner info`,role:`status`},fe={class:`secret`},pe={class:`muted`},me={key:0,class:`pill breached`},he={key:1,class:`pill paused`},K={class:`row`},ge=[`onClick`],_e=[`onClick`],ve=[`onClick`],ye={"aria-label":`Deliveries`},be={class:`num`},xe={class:`num`},Se={class:`num`},Ce={key:0},we={key:1,class:`muted`},Te={key:4,role:`tabpanel`,"aria-label":`SLA`},Ee={"aria-label":`SLA policies`},De={key:0,class:`muted`},Oe={class:`num`},ke={"aria-label":`Business calendars`},q=k(n({__name:`OperationsPage`,setup(n){let i=d(`
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
  mutation RevokeToken($id: UUID!) {
    revokeToken(id: $id) { __typename ... on Error { message } }
  }
`),T={disableWebhook:d(`mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }`),enableWebhook:d(`mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }`),removeWebhook:d(`mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }`)},k=f(()=>[`Views`,_(`createToken`)?`Tokens`:``,_(`registerWebhook`)?`Webhooks`:``,`SLA`].filter(Boolean)),A=a(`Views`),j=p({query:i}),M=p({query:u,pause:f(()=>A.value!==`Tokens`)}),N=p({query:m,pause:f(()=>A.value!==`Webhooks`)}),q=p({query:h,pause:f(()=>A.value!==`SLA`)}),J=y(C),Y=a(``);async function Ae(){Y.value=``;let e=await J.executeMutation({views:null}),t=e.data?.replayViews;t?.__typename===`ViewsReplayed`?Y.value=`Replayed ${t.views.length} views from ${t.events} events.`:Y.value=t&&`message`in t?t.message:e.error?.message??`Replay failed.`,j.executeQuery({requestPolicy:`network-only`})}let X=a(null);function je(e){let t=e;X.value={name:t.token.name,secret:t.secret},M.executeQuery({requestPolicy:`network-only`})}let Me=y(w),Z=a(``);async function Ne(e,t){if(!window.confirm(`Revoke the token "${t}"? Whoever uses it is signed out at once.`))return;let n=(await Me.executeMutation({id:e})).data?.revokeToken;Z.value=n&&`message`in n?n.message:``,M.executeQuery({requestPolicy:`network-only`})}let Q=a(null);function Pe(e){Q.value=e.secret,N.executeQuery({requestPolicy:`network-only`})}let Fe={disableWebhook:y(T.disableWebhook),enableWebhook:y(T.enableWebhook),removeWebhook:y(T.removeWebhook)};async function $(e,t){await Fe[e].executeMutation({id:t}),N.executeQuery({requestPolicy:`network-only`})}function Ie(){q.executeQuery({requestPolicy:`network-only`})}return(n,i)=>(o(),x(b,null,[i[19]||=S(`h1`,null,`Operations`,-1),e(g).caller?.seesOperations?t(``,!0):(o(),x(`p`,F,`Your role does not see the service's operations.`)),S(`div`,ee,[(o(!0),x(b,null,s(k.value,e=>(o(),x(`button`,{key:e,type:`button`,role:`tab`,"aria-selected":A.value===e,onClick:t=>A.value=e},v(e),9,te))),128))]),A.value===`Views`?(o(),x(`section`,ne,[r(O,{error:e(j).error.value},null,8,[`error`]),S(`table`,re,[i[5]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`View`),S(`th`,{class:`num`},`Position`),S(`th`,{class:`num`},`Log head`),S(`th`,{class:`num`},`Lag`),S(`th`,null,`State`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(j).data.value?.projections??[],n=>(o(),x(`tr`,{key:n.name},[S(`td`,null,v(n.name),1),S(`td`,ie,v(n.position),1),S(`td`,ae,v(n.head),1),S(`td`,oe,v(n.lag),1),S(`td`,null,[n.failure?(o(),x(`span`,se,` FAILED at `+v(n.failure.position)+` (`+v(n.failure.eventType)+`, `+v(n.failure.attempts)+` attempts) `,1)):(o(),x(`span`,ce,`projecting`)),n.failure?(o(),x(`div`,I,v(n.failure.error)+` — since `+v(e(D)(n.failure.failedAt)),1)):t(``,!0)])]))),128))])]),S(`div`,L,[S(`button`,{type:`button`,class:`secondary`,onClick:i[0]||=t=>e(j).executeQuery({requestPolicy:`network-only`})},`Refresh`),e(_)(`replayViews`)?(o(),x(`button`,{key:0,type:`button`,disabled:e(J).fetching.value,onClick:Ae},v(e(J).fetching.value?`Replaying the whole log…`:`Replay every view`),9,R)):t(``,!0),e(J).fetching.value?(o(),x(`span`,z,` The live views keep answering until the rebuilt ones take over. `)):t(``,!0),Y.value?(o(),x(`span`,B,v(Y.value),1)):t(``,!0)]),i[6]||=S(`p`,{class:`muted`},"Comparing every view with a rebuild is `rapport verify` on the server.",-1)])):t(``,!0),A.value===`Tokens`?(o(),x(`section`,V,[r(O,{error:e(M).error.value},null,8,[`error`]),X.value?(o(),x(`p`,H,[i[7]||=l(` The token `,-1),S(`strong`,null,v(X.value.name),1),i[8]||=l(` is `,-1),S(`span`,U,v(X.value.secret),1),i[9]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[1]||=e=>X.value=null},`Done`)])):t(``,!0),Z.value?(o(),x(`p`,W,v(Z.value),1)):t(``,!0),S(`table`,G,[i[10]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Name`),S(`th`,null,`Role`),S(`th`,null,`Client`),S(`th`,null,`Created`),S(`th`,null,`Revoked`),S(`th`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(M).data.value?.tokens??[],n=>(o(),x(`tr`,{key:n.id},[S(`td`,null,v(n.name),1),S(`td`,null,v(n.role),1),S(`td`,null,v(n.clientId??`—`),1),S(`td`,null,v(e(D)(n.createdAt)),1),S(`td`,null,v(e(D)(n.revokedAt)),1),S(`td`,null,[!n.revokedAt&&e(_)(`revokeToken`)?(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>Ne(n.id,n.name)},`Revoke`,8,le)):t(``,!0)])]))),128))])]),r(E,{mutations:[`createToken`],heading:`New token`,selection:`... on TokenCreated { secret token { name } }`,onDone:i[2]||=(e,t)=>je(t)})])):t(``,!0),A.value===`Webhooks`?(o(),x(`section`,ue,[r(O,{error:e(N).error.value},null,8,[`error`]),Q.value?(o(),x(`p`,de,[i[11]||=l(` Signing secret: `,-1),S(`span`,fe,v(Q.value),1),i[12]||=l(`. Copy it now: it is shown this once. `,-1),S(`button`,{type:`button`,class:`link`,onClick:i[3]||=e=>Q.value=null},`Done`)])):t(``,!0),(o(!0),x(b,null,s(e(N).data.value?.webhooks??[],n=>(o(),x(`div`,{key:n.id,class:`card webhook`},[S(`h3`,null,v(n.url),1),S(`p`,pe,[l(v(n.eventTypes.length?n.eventTypes.join(`, `):`every event`)+` · delivered up to `+v(n.position)+` · by `+v(n.createdBy)+` `+v(e(D)(n.createdAt))+` `,1),n.failingSince?(o(),x(`span`,me,`failing since `+v(e(D)(n.failingSince)),1)):t(``,!0),n.disabledAt?(o(),x(`span`,he,`disabled: `+v(n.disabledReason),1)):t(``,!0)]),S(`div`,K,[n.disabledAt?(o(),x(`button`,{key:1,type:`button`,class:`secondary`,onClick:e=>$(`enableWebhook`,n.id)},`Enable`,8,_e)):(o(),x(`button`,{key:0,type:`button`,class:`secondary`,onClick:e=>$(`disableWebhook`,n.id)},`Disable`,8,ge)),S(`button`,{type:`button`,class:`secondary`,onClick:e=>$(`removeWebhook`,n.id)},`Remove`,8,ve)]),S(`table`,ye,[i[14]||=S(`thead`,null,[S(`tr`,null,[S(`th`,{class:`num`},`Position`),S(`th`,{class:`num`},`Attempt`),S(`th`,null,`At`),S(`th`,null,`Status`),S(`th`,{class:`num`},`ms`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(n.deliveries.nodes,t=>(o(),x(`tr`,{key:`${t.position}-${t.attempt}`},[S(`td`,be,v(t.position),1),S(`td`,xe,v(t.attempt),1),S(`td`,null,v(e(D)(t.attemptedAt)),1),S(`td`,null,v(t.status??t.error),1),S(`td`,Se,v(t.latencyMs.toFixed(0)),1)]))),128)),n.deliveries.nodes.length?t(``,!0):(o(),x(`tr`,Ce,[...i[13]||=[S(`td`,{colspan:`5`,class:`muted`},`Nothing delivered yet.`,-1)]]))])])]))),128)),e(N).data.value&&!e(N).data.value.webhooks.length?(o(),x(`p`,we,`No webhook registered.`)):t(``,!0),r(E,{mutations:[`registerWebhook`],heading:`New webhook`,selection:`... on WebhookRegistered { secret }`,onDone:i[4]||=(e,t)=>Pe(t)})])):t(``,!0),A.value===`SLA`?(o(),x(`section`,Te,[r(O,{error:e(q).error.value},null,8,[`error`]),i[17]||=S(`h2`,null,`Policies`,-1),S(`table`,Ee,[i[15]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Policy`),S(`th`,null,`Targets (first response / resolution, minutes)`),S(`th`,{class:`num`},`Warning %`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(q).data.value?.slaPolicies.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,[l(v(e.name),1),e.isDefault?(o(),x(`span`,De,` (default)`)):t(``,!0)]),S(`td`,null,[(o(!0),x(b,null,s(e.targets,e=>(o(),x(`span`,{key:e.severity},v(e.severity)+` `+v(e.firstResponseMinutes)+`/`+v(e.resolutionMinutes)+`; `,1))),128))]),S(`td`,Oe,v(e.warningPercent??`—`),1)]))),128))])]),i[18]||=S(`h2`,null,`Business calendars`,-1),S(`table`,ke,[i[16]||=S(`thead`,null,[S(`tr`,null,[S(`th`,null,`Calendar`),S(`th`,null,`Time zone`),S(`th`,null,`Hours`),S(`th`,null,`Holidays`)])],-1),S(`tbody`,null,[(o(!0),x(b,null,s(e(q).data.value?.businessCalendars.nodes??[],e=>(o(),x(`tr`,{key:e.id},[S(`td`,null,v(e.name),1),S(`td`,null,v(e.timeZone),1),S(`td`,null,[(o(!0),x(b,null,s(e.hours,e=>(o(),x(`span`,{key:`${e.day}${e.start}`},v(e.day)+` `+v(e.start)+`–`+v(e.end)+`; `,1))),128))]),S(`td`,null,v(e.holidays.join(`, `)||`—`),1)]))),128))])]),e(q).data.value?(o(),c(P,{key:0,policies:e(q).data.value.slaPolicies.nodes},null,8,[`policies`])):t(``,!0),r(E,{mutations:[`defineSlaPolicy`,`reviseSlaPolicy`,`defineBusinessCalendar`,`reviseBusinessCalendar`],heading:`Change the SLA setup`,onDone:Ie})])):t(``,!0)],64))}}),[[`__scopeId`,`data-v-ea73fafb`]]);export{q as default};