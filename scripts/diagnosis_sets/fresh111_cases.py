"""One hundred and eleventh fresh held-out set for the diagnosis: one planted bug per program in
fresh111/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is object detection heads written by hand over precomputed region features: small MLP
heads that predict, per anchor or per region, an objectness or class score and box offsets. An
RPN-style anchor head (ReLU MLP, objectness logit and dx, dy, dw, dh) with the binary cross
entropy of the objectness weighted by the matcher's ignore mask, the smooth L1 loss (beta = 1/9)
on the positive anchors over the number of positives, a weighted sum of the two, SGD with
momentum and weight decay and Detectron's linear warm-up; a dense head (tanh MLP) whose offsets
are decoded against the anchor boxes, trained with the sigmoid focal loss (alpha 0.25, gamma 2)
and a GIoU loss written out by hand (forward and backward), both over the number of positives,
the gradients clipped to a global norm and Adam; and a Fast R-CNN style region head (a shared
ReLU layer, class logits over four classes with the background, class-specific offsets laid out
class-major) with the softmax cross entropy plus the Huber loss (delta 0.5) of the ground-truth
class's offsets on the foreground regions over all the sampled regions, AdamW and a cosine
learning rate with a floor. Targets, masks, anchor and ground-truth boxes are stored in y.
fresh111/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh111_cases

Each case:
    id          short name (prefixed SG)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh111/"

ANCHORS, BOXES, ROIS = F + "anchors.npz", F + "boxes.npz", F + "rois.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


AH = ("--data", ANCHORS, "--batch-size", "16")
AH_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=head.weight.T",
                   "params['b2']=head.bias")
AH_AUG_PARAMS = params("W1a[:-1]=fc1.weight.T", "W1a[-1]=fc1.bias", "W2a[:-1]=head.weight.T",
                       "W2a[-1]=head.bias")
GH = ("--data", BOXES, "--batch-size", "20")
GH_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=head.weight.T",
                   "params['b2']=head.bias")
GH_P_PARAMS = params("params['W1']=layers.W1", "params['b1']=layers.b1", "params['W2']=layers.W2",
                     "params['b2']=layers.b2")
RH = ("--data", ROIS, "--batch-size", "12")
RH_PARAMS = params("params['W1']=fc.weight.T", "params['b1']=fc.bias", "params['W_cls']=cls_score.weight.T",
                   "params['b_cls']=cls_score.bias", "params['W_box']=bbox_pred.weight.T",
                   "params['b_box']=bbox_pred.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SG01_anchor_smooth_l1_beta_default", side="port",
         args=pair("anchor_head_numpy.py", "AnchorHead", "01_anchor_beta_default_port.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the port calls F.smooth_l1_loss(deltas, tgt, reduction='none') without beta=BETA, so "
                   "torch's default beta = 1.0 is used instead of 1/9: residuals between 1/9 and 1 are treated "
                   "as quadratic 0.5 r^2 (gradient r) instead of |r| - 1/18 (gradient sign(r)), so the box loss "
                   "and the box-offset gradients (and through them W1, b1) differ",
         expected=("smooth l1", "smooth_l1", "beta", "default", "1/9", "1.0", "huber", "quadratic",
                   "linear region", "threshold", "transition", "box loss", "regression", "offsets",
                   "f.smooth_l1_loss")),
    dict(id="SG02_anchor_bce_ignores_weight", side="port",
         args=pair("anchor_head_numpy.py", "AnchorHead", "02_anchor_ignore_mean_port.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the port's objectness loss is bce.mean() over every anchor of the batch instead of "
                   "(bce * weight).sum() / weight.sum(): the anchors the matcher ignores (weight 0) are trained "
                   "as negatives and the normaliser is the batch size instead of the count of anchors that "
                   "count, so the objectness loss and its gradient differ (the box term is right)",
         expected=("ignore", "ignored", "weight", "mask", "objectness", "bce", "binary cross entropy",
                   "mean", "all anchors", "normaliz", "denominator", "count", "sampling", "valid",
                   "reduction")),
    dict(id="SG03_anchor_bias_no_weight_decay", side="port",
         args=pair("anchor_head_numpy.py", "AnchorHead", "03_anchor_bias_no_decay_port.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the port builds SGD with two parameter groups and weight_decay=0.0 for the biases "
                   "(a Detectron habit) where the NumPy program decays every parameter: b1 and b2 miss the "
                   "WD * b term in their momentum buffers and updates (a difference proportional to the bias); "
                   "the weights and every gradient agree",
         expected=("weight decay", "weight_decay", "bias", "biases", "param group", "parameter group",
                   "no decay", "decay", "proportional to the parameter", "wd * b", "l2", "momentum buffer",
                   "b1", "b2", "update")),
    dict(id="SG04_giou_anchor_xywh", side="port",
         args=pair("giou_head_numpy.py", "GIoUHead", "04_giou_anchor_xywh_port.py", "GIoUHead", *GH, *GH_PARAMS),
         mechanism="pair: the port's decoder reads the anchors as (x, y, w, h), aw, ah = anchors[:, 2], "
                   "anchors[:, 3], though they are (x1, y1, x2, y2): the anchor width and height are x2 and y2 "
                   "instead of x2 - x1 and y2 - y1, so the centres and sizes of the decoded boxes, the GIoU "
                   "loss and the box gradients differ from the first step",
         expected=("xywh", "xyxy", "box format", "width", "height", "x2 - x1", "anchor", "decode", "decoding",
                   "corner", "centre", "center", "giou", "box", "forward")),
    dict(id="SG05_giou_focal_alpha_constant", side="port",
         args=pair("giou_head_numpy.py", "GIoUHead", "05_giou_focal_alpha_port.py", "GIoUHead", *GH, *GH_PARAMS),
         mechanism="pair: the port's focal loss weights every anchor by ALPHA = 0.25 instead of alpha_t "
                   "(0.25 for positives, 0.75 for negatives): the negatives' focal terms and objectness "
                   "gradients are three times too small, the positives' are right",
         expected=("alpha", "alpha_t", "1 - alpha", "focal", "focal loss", "negatives", "class balance",
                   "weighting", "positives", "objectness", "0.25", "0.75", "three times", "balancing")),
    dict(id="SG06_giou_clip_after_step", side="port",
         args=pair("giou_head_numpy.py", "GIoUHead", "06_giou_clip_after_step_port.py", "GIoUHead", *GH,
                   *GH_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step(): Adam steps on the unclipped "
                   "gradients (the global norm is 1.4 to 3.7, MAX_NORM 0.5) and only then are the .grad tensors "
                   "scaled, so the Adam moments and the updates differ though the reported gradients agree",
         expected=("clip", "clipping", "clip_grad_norm_", "order", "after optimizer.step", "before",
                   "unclipped", "global norm", "max_norm", "gradient norm", "adam", "exp_avg", "update",
                   "scale", "ordering")),
    dict(id="SG07_roi_class_delta_layout", side="port",
         args=pair("roi_head_numpy.py", "RoIBoxHead", "07_roi_view_layout_port.py", "RoIBoxHead", *RH, *RH_PARAMS),
         mechanism="pair: the port views the class-specific offsets as (n, 4, K) and picks [:, :, label] "
                   "instead of (n, K, 4) and [label]: the four offsets of a class are read from a strided set "
                   "of columns (label, label + K, ...) mostly belonging to other classes, so the box loss and bbox_pred's gradients "
                   "(and W1's) differ",
         expected=("view", "reshape", "layout", "class-specific", "per class", "(n, k, 4)", "(n, 4, k)",
                   "class-major", "gather", "index", "label", "offsets", "columns", "box head", "shape")),
    dict(id="SG08_roi_cosine_eta_min", side="port",
         args=pair("roi_head_numpy.py", "RoIBoxHead", "08_roi_cosine_eta_min_port.py", "RoIBoxHead", *RH,
                   *RH_PARAMS),
         mechanism="pair: the port's CosineAnnealingLR omits eta_min=ETA_MIN, so the cosine decays towards 0 "
                   "instead of 0.001: the first update agrees, then every update is made with a smaller "
                   "learning rate, the gap growing with the step (about 10% by mid-schedule)",
         expected=("cosine", "cosineannealinglr", "eta_min", "schedule", "scheduler", "learning rate",
                   "minimum", "floor", "lr", "annealing", "decay", "grows with the step", "update", "ratio")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SG09_anchor_sl1_grad_no_beta", side="numpy",
         args=pair("09_anchor_sl1_grad_beta_numpy.py", "AnchorHead", "anchor_head_torch.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the hand-written smooth L1 derivative is r inside |r| < beta instead of r / beta: the "
                   "quadratic region's gradient is 9 times too small while the loss is right, so the box-offset "
                   "gradients of the positives with small residuals are wrong (loss and gradient disagree)",
         expected=("smooth l1", "beta", "r / beta", "derivative", "gradient", "backward", "quadratic",
                   "divide", "missing factor", "scale", "inconsistent", "finite difference", "box",
                   "residual", "1/9")),
    dict(id="SG10_anchor_warmup_not_applied", side="numpy",
         args=pair("10_anchor_warmup_unused_numpy.py", "AnchorHead", "anchor_head_torch.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the update uses the constant LR instead of the warmed-up lr it computed: the first "
                   "five updates are 3x, 2.1x, 1.7x, 1.4x, 1.2x too large (1 / warm-up factor), then they agree; "
                   "gradients and momentum buffers agree",
         expected=("warm-up", "warmup", "learning rate", "schedule", "lr", "constant", "base learning rate",
                   "first steps", "warmup factor", "not applied", "update", "ratio", "scale", "linear warmup")),
    dict(id="SG11_anchor_box_slice_offset", side="numpy",
         args=pair("11_anchor_box_slice_numpy.py", "AnchorHead", "anchor_head_torch.py", "AnchorHead", *AH,
                   *AH_PARAMS),
         mechanism="pair: the box offsets are read from out[:, 0:4] instead of out[:, 1:5] (BOX = slice(0, 4)): "
                   "column 0 serves as both objectness logit and dx, dh is never trained, so the loss, the "
                   "output-layer gradients and all that follow differ",
         expected=("slice", "column", "off by one", "off-by-one", "index", "offsets", "objectness",
                   "shared column", "output layout", "1:5", "0:4", "shape", "forward", "dh", "head")),
    dict(id="SG12_giou_enclosing_sign", side="numpy",
         args=pair("12_giou_enclosing_sign_numpy.py", "GIoUHead", "giou_head_torch.py", "GIoUHead", *GH,
                   *GH_PARAMS),
         mechanism="pair: the hand-written GIoU backward has the wrong sign on the enclosing-box term, "
                   "d/dC of U / C taken as +U / C^2 instead of -U / C^2: wherever the predicted box sets a side "
                   "of the enclosing box its gradient is pushed the wrong way; the loss is right, the box "
                   "gradients are not",
         expected=("giou", "enclosing", "enclosing box", "sign", "backward", "gradient", "derivative",
                   "area", "convex hull", "inconsistent", "finite difference", "box", "wrong sign",
                   "flipped")),
    dict(id="SG13_giou_norm_by_anchors", side="numpy",
         args=pair("13_giou_norm_all_numpy.py", "GIoUHead", "giou_head_torch.py", "GIoUHead", *GH, *GH_PARAMS),
         mechanism="pair: both losses are divided by the number of anchors in the batch (20) instead of the "
                   "number of positives (6 or 7): the loss and the gradients before clipping are about 3 times "
                   "too small (a factor npos / n that changes from batch to batch)",
         expected=("normaliz", "number of positives", "num_pos", "positives", "denominator", "divide",
                   "batch size", "all anchors", "scale", "ratio", "mean", "sum", "focal", "giou", "factor")),
    dict(id="SG14_giou_clip_norm_squared", side="numpy",
         args=pair("14_giou_clip_no_sqrt_numpy.py", "GIoUHead", "giou_head_torch.py", "GIoUHead", *GH,
                   *GH_PARAMS),
         mechanism="pair: the global gradient norm for clipping is computed without the square root (the sum "
                   "of squares): the clip coefficient MAX_NORM / total is too small whenever the norm is above "
                   "1, so the clipped gradients, the Adam moments and the updates differ, by a factor that "
                   "changes every step",
         expected=("clip", "clipping", "norm", "sqrt", "square root", "squared", "global norm", "sum of squares",
                   "max_norm", "clip_grad_norm_", "coefficient", "gradient", "scale", "factor", "adam")),
    dict(id="SG15_roi_box_path_dropped", side="numpy",
         args=pair("15_roi_box_path_numpy.py", "RoIBoxHead", "roi_head_torch.py", "RoIBoxHead", *RH, *RH_PARAMS),
         mechanism="pair: the backward into the shared hidden layer keeps only the classifier's path, "
                   "dh = dlogits @ W_cls.T, and drops dbox @ W_box.T: W1 and b1 get no gradient from the box "
                   "loss while both heads' gradients and the loss are right",
         expected=("missing", "path", "branch", "head", "box head", "shared", "hidden", "backward", "sum",
                   "gradient", "w_box", "dbox", "two heads", "chain rule", "w1")),
    dict(id="SG16_roi_decay_not_scaled_by_lr", side="numpy",
         args=pair("16_roi_decay_no_lr_numpy.py", "RoIBoxHead", "roi_head_torch.py", "RoIBoxHead", *RH, *RH_PARAMS),
         mechanism="pair: the decoupled AdamW decay shrinks each parameter by WD (p *= 1 - WD) instead of by "
                   "lr * WD: the parameters lose 5% a step instead of 0.05%, an update difference proportional "
                   "to the parameter; gradients and Adam moments agree",
         expected=("weight decay", "decoupled", "adamw", "lr * wd", "learning rate", "decay", "shrink",
                   "proportional to the parameter", "weight_decay", "scaled", "update", "l2", "multiply",
                   "optimizer")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SG17_anchor_augmented_numpy", side="correct",
         args=pair("anchor_head_aug_numpy.py", "AnchorHeadAug", "anchor_head_torch.py", "AnchorHead", *AH,
                   *AH_AUG_PARAMS),
         mechanism="pair: the anchor head in NumPy with augmented weight matrices (the bias as the last row, "
                   "paired as views W1a[:-1], W1a[-1]), np.logaddexp BCE, smooth L1 written with "
                   "min(|r|, beta) and its derivative as clip(r / beta, -1, 1), a tanh sigmoid, in-place "
                   "momentum buffers and a warm-up function; against the nn.Linear port", expected=()),
    dict(id="SG18_giou_parameterdict_port", side="correct",
         args=pair("giou_head_numpy.py", "GIoUHead", "giou_head_params_torch.py", "GIoUHeadP", *GH, *GH_P_PARAMS),
         mechanism="pair: GIoU head port with raw (in, out) weights in an nn.ParameterDict used through "
                   "torch.addmm, a focal loss from F.logsigmoid, decoding on coordinate pairs, GIoU from "
                   "unbound coordinates, hand-written global-norm clipping and Adam(foreach=False)",
         expected=()),
    dict(id="SG19_roi_flat_theta_numpy", side="correct",
         args=pair("roi_head_flat_numpy.py", "RoIBoxHeadFlat", "roi_head_torch.py", "RoIBoxHead", *RH, *RH_PARAMS),
         mechanism="pair: the region head in NumPy with every parameter a view into one flat vector updated in "
                   "place by a flat AdamW in torch's arrangement, one-hot cross entropy, einsum selection of "
                   "the class's offsets, Huber written with clip, and a tabulated cosine schedule",
         expected=()),
]
