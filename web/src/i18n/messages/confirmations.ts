import { messages } from "../define.ts";

/** What an irreversible action does, said before it is done (the confirmation's sentence). */
export const confirmationMessages = messages(
  {
    "confirm.cancel": "取消",
    "consequence.submit": "提交后申报书送推荐部门审核，审核期间不能再修改；如需修改，须由推荐部门退回。",
    "consequence.pass-up": "报送后申报转由上级推荐部门审核，本部门不能再退回或不予推荐。",
    "consequence.recommend": "推荐后申报送省科技厅形式审查，计入本部门的推荐名额，推荐部门不能再退回或撤销推荐。",
    "consequence.return": "退回后申报回到依托单位修改，依托单位须重新提交，推荐部门才能再次审核。",
    "consequence.decline": "不予推荐后本批次该申报即结束，不能恢复；依托单位将收到通知和理由。",
    "consequence.pass-formal-review": "通过形式审查后申报等待送专家评审，不能再要求补正；结果记入申报历史。",
    "consequence.request-correction": "要求补正后申报退回依托单位补正材料，依托单位补正提交后重新进行形式审查。",
    "consequence.resubmit-correction": "提交补正后材料送省科技厅重新形式审查，审查期间不能再修改。",
    "consequence.reject": "驳回后本批次该申报即结束，不能恢复；依托单位将收到通知和理由。",
    "consequence.send-to-review": "送专家评审后申报进入专家评审，不能再退回形式审查。",
    "consequence.withdraw": "撤回后本申报即终止，推荐部门和省科技厅将不再处理它，撤回后不能恢复。",
    "consequence.deleteFile": "删除后该文件从申报材料中移除，不能恢复；如仍需要，须重新上传。",
    "consequence.deleteEvidence": "删除后该文件不能恢复；如仍需要，须重新上传。",
    "consequence.deleteFact": "删除后该条登记册事实不再参与资格审查，不能恢复；如仍需要，须重新录入。",
    "consequence.revokeRole": "撤销申请经安全管理员批准后，该账号立即失去此角色的全部权限。",
    "consequence.publish": "公示后名单和公示起止日期即在公共网站公开，公示发布后不能撤回；公示期内可受理异议。",
    "checklist.allRequired": "逐项核对后勾选全部项目才能通过形式审查；有不符合的项目请选择“要求补正”或“驳回”。",
  },
  {
    "confirm.cancel": "Cancel",
    "consequence.submit":
      "Once submitted, the application goes to the recommender for review and cannot be edited unless the recommender returns it.",
    "consequence.pass-up":
      "The application passes to the next recommender up; this recommender can no longer return or decline it.",
    "consequence.recommend":
      "The application goes to the department's formal review and counts against your recommendation quota; the recommendation cannot be undone.",
    "consequence.return":
      "The application goes back to the host unit for changes; it must be submitted again before the recommender reviews it.",
    "consequence.decline":
      "The application ends for this call and cannot be restored; the host unit is told, with the reason.",
    "consequence.pass-formal-review":
      "The application waits to be sent to expert review; corrections can no longer be asked for. The result enters its history.",
    "consequence.request-correction":
      "The application goes back to the host unit for corrections; once resubmitted, the formal review starts again.",
    "consequence.resubmit-correction":
      "The corrected application goes back to the department's formal review and cannot be edited meanwhile.",
    "consequence.reject":
      "The application ends for this call and cannot be restored; the host unit is told, with the reason.",
    "consequence.send-to-review":
      "The application enters expert review and can no longer go back to the formal review.",
    "consequence.withdraw":
      "The application ends: the recommender and the department no longer handle it, and it cannot be restored.",
    "consequence.deleteFile":
      "The file is removed from the application's materials and cannot be restored; upload it again if still needed.",
    "consequence.deleteEvidence": "The file cannot be restored once removed; upload it again if still needed.",
    "consequence.deleteFact":
      "The registry fact no longer counts in eligibility checks and cannot be restored; enter it again if still needed.",
    "consequence.revokeRole":
      "Once the security administrator approves, the account loses every permission of this role at once.",
    "consequence.publish":
      "The list and the notice period appear on the public site at once and cannot be withdrawn; objections are received during the period.",
    "checklist.allRequired":
      "Tick every item after checking it to pass the formal review; if an item fails, choose Request correction or Reject instead.",
  },
);
