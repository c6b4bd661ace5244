"""Seventy-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh75/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is small detection and box-regression heads written by hand: a region-proposal
(anchor) head whose ground truth is encoded against the anchors as Faster R-CNN does (dx, dy
relative to the anchor size, log width and height ratios), objectness trained with sigmoid
cross-entropy over the sampled anchors (positives and sampled negatives, ignored anchors left
out) and the deltas with smooth-L1 (beta 1/9) over the positives, SGD with momentum and weight
decay on the weights only; a YOLO-style 3 x 3 grid head, one object per image, the responsible
cell's sigmoid offsets and log sizes against a prior regressed with the Huber loss, objectness
over all cells with the negatives weighted NOOBJ, Adam; an anchor-free FCOS-style head predicting
the distances (l, t, r, b) = SCALE exp(.) to the box sides, trained with an IoU loss (1 - IoU)
and an IoU-aware classification target (the detached IoU), both normalised by the number of
positives, the gradients clipped to a global norm, SGD. fresh75/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh75_cases

Each case:
    id          short name (prefixed QW)
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

F = "scripts/diagnosis_sets/fresh75/"

ANCHORS, GRID, LTRB = F + "anchors.npz", F + "grid.npz", F + "ltrb.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


AN = ("--data", ANCHORS, "--batch-size", "16")
AN_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wc']=obj.weight.T",
                   "params['bc']=obj.bias", "params['Wr']=reg.weight.T", "params['br']=reg.bias")
AN_LIST_PARAMS = params("weights[0]=trunk.weight.T", "biases[0]=trunk.bias", "weights[1]=obj.weight.T",
                        "biases[1]=obj.bias", "weights[2]=reg.weight.T", "biases[2]=reg.bias")
GR = ("--data", GRID, "--batch-size", "12")
GR_PARAMS = params("params['W1']=cell.weight.T", "params['b1']=cell.bias", "params['W2']=pred.weight.T",
                   "params['b2']=pred.bias")
GR_EINSUM_PARAMS = params("params['W1']=w_cell", "params['b1']=b_cell", "params['W2']=w_out",
                          "params['b2']=b_out")
LT = ("--data", LTRB)
LT_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wc']=cls.weight.T",
                   "params['bc']=cls.bias", "params['Wr']=box.weight.T", "params['br']=box.bias")
LT_CORNER_PARAMS = params("params['W1']=trunk.0.weight.T", "params['b1']=trunk.0.bias",
                          "params['Wc']=heads.score.weight.T", "params['bc']=heads.score.bias",
                          "params['Wr']=heads.ltrb.weight.T", "params['br']=heads.ltrb.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QW01_anchor_smoothl1_beta", side="port",
         args=pair("anchor_numpy.py", "AnchorHead", "01_anchor_smoothl1_beta_port.py", "AnchorHead", *AN,
                   *AN_PARAMS),
         mechanism="pair: the port's box loss is F.smooth_l1_loss(..., reduction='sum') without beta=1/9, so torch's "
                   "default beta=1.0 is used: the quadratic zone reaches |x| < 1 instead of |x| < 1/9, so every residual "
                   "costs 0.5 x^2 / 1 instead of 0.5 x^2 / (1/9) or |x| - 1/18, and the deltas' gradient is x instead "
                   "of 9x (below 1/9) or sign(x) (between 1/9 and 1, about half the residuals at the start): the "
                   "regression loss and the box head's gradients differ",
         expected=("smooth_l1", "smooth l1", "smooth-l1", "beta", "default", "1/9", "beta=1.0", "threshold",
                   "transition", "quadratic", "huber", "box regression", "regression loss", "deltas")),
    dict(id="QW02_anchor_encode_dy_width", side="port",
         args=pair("anchor_numpy.py", "AnchorHead", "02_anchor_encode_dy_port.py", "AnchorHead", *AN,
                   *AN_PARAMS),
         mechanism="pair: the port's box encoding divides the centre's y offset by the anchor width instead of its "
                   "height, (gcy - acy) / aw instead of / ah (a copy of the dx term): for the 1:2 and 2:1 anchors the "
                   "dy regression target is scaled by ah/aw (2x or 0.5x), so the smooth-L1 loss and the dy column's "
                   "gradients differ (dx, dw, dh and the objectness are right)",
         expected=("encode", "encoding", "box target", "regression target", "dy", "height", "width", "anchor",
                   "aw", "ah", "copy-paste", "aspect ratio", "normaliz", "offset", "delta")),
    dict(id="QW03_anchor_bias_weight_decay", side="port",
         args=pair("anchor_numpy.py", "AnchorHead", "03_anchor_bias_decay_port.py", "AnchorHead", *AN,
                   *AN_PARAMS),
         mechanism="pair: the port's bias parameter group leaves out 'weight_decay': 0.0, so it inherits the "
                   "optimizer's weight_decay=1e-3 and the biases are decayed too, where the NumPy program decays "
                   "only the weights: each bias's step (and momentum buffer) gains wd * b, largest for the "
                   "objectness prior bias -log 3; gradients and the weights' updates are right",
         expected=("weight decay", "weight_decay", "bias", "biases", "param group", "parameter group", "no_decay",
                   "l2", "decay", "momentum buffer", "proportional to the parameter", "regularization",
                   "optimizer", "sgd")),
    dict(id="QW04_grid_cell_index_swapped", side="port",
         args=pair("grid_numpy.py", "GridHead", "04_grid_cell_index_port.py", "GridHead", *GR, *GR_PARAMS),
         mechanism="pair: the port picks the responsible cell as col * S + row instead of row * S + col, the grid "
                   "transposed: an object whose centre lies in row r, column c is assigned to cell (c, r), so the "
                   "positive objectness target and the regressed box sit on the wrong cell for every off-diagonal "
                   "object, and the loss and all gradients differ",
         expected=("row", "column", "col", "index", "swapped", "transpos", "responsible cell", "grid cell",
                   "cell", "assignment", "row-major", "flatten", "positive", "target")),
    dict(id="QW05_grid_obj_mean_reduction", side="port",
         args=pair("grid_numpy.py", "GridHead", "05_grid_obj_mean_port.py", "GridHead", *GR, *GR_PARAMS),
         mechanism="pair: the port's objectness loss keeps BCEWithLogits' default reduction='mean', averaging over "
                   "all n x 9 cells, instead of reduction='sum' divided by the number of images n: the objectness "
                   "term and its gradient are 9x smaller relative to the box term, so the loss and every gradient "
                   "differ",
         expected=("reduction", "mean", "sum", "average", "default", "factor 9", "1/9", "cells", "per image",
                   "normaliz", "objectness", "binary_cross_entropy_with_logits", "bce", "scaled")),
    dict(id="QW06_grid_channels_first", side="port",
         args=pair("grid_numpy.py", "GridHead", "06_grid_channels_first_port.py", "GridHead", *GR, *GR_PARAMS),
         mechanism="pair: the port reads the flat 3x3x4 map as channels-first, X.view(n, C, 9).transpose(1, 2), "
                   "where the data are cell-major (X.reshape(n, 9, C)): each cell's four inputs are taken from the "
                   "wrong positions (a scrambled feature map), so every cell's hidden layer, the outputs, loss and "
                   "gradients differ",
         expected=("channels", "channels-first", "channels-last", "nchw", "nhwc", "layout", "view", "reshape",
                   "transpose", "permute", "memory order", "feature map", "input", "scrambled", "order")),
    dict(id="QW07_ltrb_iou_target_not_detached", side="port",
         args=pair("ltrb_numpy.py", "LTRBHead", "07_ltrb_iou_target_port.py", "LTRBHead", *LT, *LT_PARAMS),
         mechanism="pair: the port's IoU-aware classification target is q[pos] = iou without .detach(): the "
                   "cross-entropy's -q z term sends a gradient -z dIoU back through the target into the distance "
                   "head and trunk, where the NumPy program treats the IoU target as a constant; the loss is the "
                   "same, the box and trunk gradients differ",
         expected=("detach", "stop gradient", "stop-gradient", "no_grad", "target", "iou", "quality", "soft label",
                   "constant", "gradient flows", "through the target", "iou-aware", "classification",
                   "backprop")),
    dict(id="QW08_ltrb_clip_grad_value", side="port",
         args=pair("ltrb_numpy.py", "LTRBHead", "08_ltrb_clip_value_port.py", "LTRBHead", *LT, *LT_PARAMS),
         mechanism="pair: the port clips with torch.nn.utils.clip_grad_value_(params, 0.5), clamping each element "
                   "to [-0.5, 0.5], instead of clip_grad_norm_(params, 0.5), rescaling all gradients by "
                   "0.5 / global norm (that norm above 1 at every step): only the few elements beyond 0.5 are clamped, the rest "
                   "are left unscaled, larger than the NumPy program's by the norm ratio, so every update differs",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "norm", "global norm", "value",
                   "elementwise", "max_norm", "rescal", "gradient clipping", "scale", "factor")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QW09_anchor_smoothl1_grad_beta", side="numpy",
         args=pair("09_anchor_sl1_grad_numpy.py", "AnchorHead", "anchor_torch.py", "AnchorHead", *AN, *AN_PARAMS),
         mechanism="pair: the hand-written smooth-L1 derivative in the quadratic zone is x instead of x / beta "
                   "(beta 1/9): residuals with |x| < 1/9 get a gradient 9x too small, the linear zone's sign(x) is "
                   "right; the forward and loss are right, the box head's and trunk's gradients differ",
         expected=("smooth_l1", "smooth l1", "smooth-l1", "beta", "1/beta", "/ beta", "derivative", "quadratic",
                   "factor 9", "9x", "backward", "gradient", "huber", "missing factor")),
    dict(id="QW10_anchor_width_plus_one", side="numpy",
         args=pair("10_anchor_plus_one_numpy.py", "AnchorHead", "anchor_torch.py", "AnchorHead", *AN, *AN_PARAMS),
         mechanism="pair: the anchor width is computed with the legacy inclusive-pixel convention, x2 - x1 + 1, "
                   "while the height and the ground-truth sizes are not: the anchor is a pixel wider and its centre "
                   "half a pixel to the right, so the dx and dw regression targets are shifted and the smooth-L1 loss "
                   "and box gradients differ",
         expected=("+ 1", "+1", "plus one", "off by one", "off-by-one", "pixel", "width", "anchor", "encode",
                   "encoding", "box target", "regression target", "convention", "dx", "dw")),
    dict(id="QW11_anchor_ema_momentum", side="numpy",
         args=pair("11_anchor_ema_momentum_numpy.py", "AnchorHead", "anchor_torch.py", "AnchorHead", *AN,
                   *AN_PARAMS),
         mechanism="pair: the momentum buffer is an exponential moving average, v = mu v + (1 - mu) step, instead "
                   "of torch's v = mu v + step (dampening 0): every velocity and update is 10x smaller (mu 0.9), "
                   "the gradients at the shared start are right",
         expected=("momentum", "dampening", "1 - mu", "(1 - momentum)", "moving average", "ema", "velocity",
                   "buffer", "10x", "factor 10", "0.1", "sgd", "update", "scaled")),
    dict(id="QW12_grid_noobj_weight_grad", side="numpy",
         args=pair("12_grid_noobj_grad_numpy.py", "GridHead", "grid_torch.py", "GridHead", *GR, *GR_PARAMS),
         mechanism="pair: the objectness gradient leaves out the per-cell weight, (sigmoid(z) - t) / n instead of "
                   "weight * (sigmoid(z) - t) / n: the loss weights the negative cells by NOOBJ = 0.5 but their "
                   "gradient is twice too large; the loss is right, the objectness output's gradient differs on "
                   "the negative cells",
         expected=("noobj", "weight", "weighted", "negative", "negatives", "no-object", "objectness", "missing factor",
                   "0.5", "twice", "backward", "gradient", "per-cell", "loss weight")),
    dict(id="QW13_grid_reshape_not_transpose", side="numpy",
         args=pair("13_grid_reshape_grad_numpy.py", "GridHead", "grid_torch.py", "GridHead", *GR, *GR_PARAMS),
         mechanism="pair: the shared cell layer's weight gradient is f.reshape(C, -1) @ da instead of "
                   "f.reshape(-1, C).T @ da: a reshape where a transpose was meant, which scrambles the inputs "
                   "across cells and channels, so W1's gradient is wrong (the forward, loss and the other "
                   "gradients are right)",
         expected=("reshape", "transpose", ".t", "instead of transpose", "scrambl", "memory order", "layout",
                   "weight gradient", "w1", "shared", "cells", "channels", "wrong order", "backward")),
    dict(id="QW14_ltrb_intersection_factor", side="numpy",
         args=pair("14_ltrb_inter_factor_numpy.py", "LTRBHead", "ltrb_torch.py", "LTRBHead", *LT, *LT_PARAMS),
         mechanism="pair: in the IoU loss's backward the intersection width's gradient is dI * wi instead of "
                   "dI * hi (d(wi hi)/d wi = hi): the left and right distances get the intersection gradient scaled "
                   "by wi / hi, so the distance head's and trunk's gradients differ (forward and loss right)",
         expected=("intersection", "iou", "product rule", "width", "height", "wi", "hi", "swapped", "wrong factor",
                   "derivative", "backward", "ltrb", "distances", "left", "right")),
    dict(id="QW15_ltrb_clip_per_parameter", side="numpy",
         args=pair("15_ltrb_clip_each_numpy.py", "LTRBHead", "ltrb_torch.py", "LTRBHead", *LT, *LT_PARAMS),
         mechanism="pair: the gradients are clipped each to its own L2 norm, g * min(1, 0.5 / ||g||) per "
                   "parameter, instead of all together by the global norm (torch's clip_grad_norm_): small "
                   "gradients are left unscaled and large ones scaled by their own factor, so the clipped gradients "
                   "and updates differ",
         expected=("clip", "clipping", "global norm", "per-parameter", "per parameter", "each parameter",
                   "clip_grad_norm_", "total norm", "norm", "max_norm", "scale", "rescal", "separately",
                   "gradient clipping")),
    dict(id="QW16_ltrb_union_double_counts", side="numpy",
         args=pair("16_ltrb_union_numpy.py", "LTRBHead", "ltrb_torch.py", "LTRBHead", *LT, *LT_PARAMS),
         mechanism="pair: the IoU's union is area_p + area_g, the intersection not subtracted (counted twice): the "
                   "IoU is too small, so the box loss 1 - IoU, the IoU-aware classification targets and (with the "
                   "backward still written for the true union) every gradient differ",
         expected=("union", "intersection", "iou", "area", "subtract", "counted twice", "double count",
                   "inclusion-exclusion", "a + b - i", "box loss", "overlap", "denominator", "forward", "loss")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QW17_anchor_list_numpy", side="correct",
         args=pair("anchor_lists_numpy.py", "ListAnchorHead", "anchor_torch.py", "AnchorHead", *AN,
                   *AN_LIST_PARAMS),
         mechanism="pair: the anchor head in NumPy with weights and biases in two lists and momentum lists beside "
                   "them, dense forward/backward helpers, box targets from (x, y) column pairs, smooth-L1 via "
                   "np.minimum and its derivative via np.clip, log1p(exp(-|z|)) log-loss and a tanh sigmoid, no "
                   "grads dict; against the nn.Module port", expected=()),
    dict(id="QW18_grid_einsum_port", side="correct",
         args=pair("grid_numpy.py", "GridHead", "grid_einsum_torch.py", "EinsumGridHead", *GR, *GR_EINSUM_PARAMS),
         mechanism="pair: grid head port with raw (in, out) nn.Parameters applied by torch.einsum, torch.gather of "
                   "the responsible cell, F.one_hot targets, Huber as DELTA * F.smooth_l1_loss(beta=DELTA), "
                   "F.logsigmoid cross-entropy, Adam(foreach=False) and zero_grad(set_to_none=True)", expected=()),
    dict(id="QW19_ltrb_corner_iou_port", side="correct",
         args=pair("ltrb_numpy.py", "LTRBHead", "ltrb_corners_torch.py", "CornerHead", *LT, *LT_CORNER_PARAMS),
         mechanism="pair: FCOS-style port with nn.Sequential and nn.ModuleDict heads, the IoU of corner boxes via "
                   "torch.maximum/minimum and clamp(min=0), the IoU target built under torch.no_grad() with "
                   "index_put, softplus(z) - q z cross-entropy, and global-norm clipping written by hand with "
                   "torch.linalg.vector_norm", expected=()),
]
