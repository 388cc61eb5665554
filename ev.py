import json,sys,os
p="住民税_課税資料取込"
date,kind,t,job=sys.argv[1:5]; ld=sys.argv[5] if len(sys.argv)>5 else date
f=f"city/uipath/{ld}_Execution.log"; new=not os.path.exists(f)
d={"message":p+(" execution started" if kind=="start" else " execution ended" if kind=="end" else ""),"level":"Information","logType":"Default","fingerprint":"fp","windowsIdentity":"CITY\\robot01","machineName":"RPA-SV01","fileName":"Main","initiatedBy":"Orchestrator","processName":p,"processVersion":"1.0","jobId":job,"robotName":"r1","machineId":1,"organizationUnitId":1,"timeStamp":f"{date}T{t}.0000000+09:00"}
lvl="Info"
if kind=="end": d.update({"totalExecutionTimeInSeconds":600,"totalExecutionTime":"00:10:00"})
if kind=="err": d.update({"message":"System.Exception: x","level":"Error"}); lvl="Error"
open(f,"a",encoding="utf-8-sig" if new else "utf-8").write(f"{t}.0000 {lvl} "+json.dumps(d,ensure_ascii=False)+"\n")
