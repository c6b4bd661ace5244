"""Eighty-second fresh held-out set for the diagnosis: one planted bug per program in fresh82/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is multi-label and hierarchical classification written by hand. A multi-label tagger
with six independent sigmoid outputs after a tanh layer, the binary cross-entropy with a positive
weight per tag, masked to the known tags (y = -1 is unknown) and divided by their count, the
gradients clipped to a global norm and AdamW with decoupled weight decay; a two-level hierarchical
softmax over twelve classes in four groups of three (a softmax over the groups at the true group
times a softmax over the true group's three leaves only), after a ReLU layer, mean negative
log-likelihood, SGD with heavy-ball momentum, coupled weight decay and a StepLR schedule; and a
label-embedding intent classifier whose scores are dot products of a tanh hidden vector with a
trainable table of intent embeddings, softmax cross-entropy with label smoothing 0.1 and RMSprop
(alpha 0.9). fresh82/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh82_cases

Each case:
    id          short name (prefixed RD)
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

F = "scripts/diagnosis_sets/fresh82/"

TAGS, HIER, INTENTS = F + "tags.npz", F + "hier.npz", F + "intents.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TAG = ("--data", TAGS, "--batch-size", "16")
TAG_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                    "params['b2']=out.bias")
TAG_ALT_PARAMS = params("params['hidden_w']=hidden.weight", "params['hidden_b']=hidden.bias",
                        "params['out_w']=out.weight", "params['out_b']=out.bias")
HS = ("--data", HIER, "--batch-size", "20")
HS_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                   "params['Wg']=group_head.weight.T", "params['bg']=group_head.bias",
                   "params['Wl']=leaf_head.weight.T", "params['bl']=leaf_head.bias")
HS_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['Wg']=Wg", "params['bg']=bg",
                     "params['Wl']=Wl", "params['bl']=bl")
LE = ("--data", INTENTS, "--batch-size", "20", "--state", "square_avg=net.square_avg")
LE_PARAMS = params("params['W']=proj.weight.T", "params['b']=proj.bias", "params['L']=labels.weight")
LE_ALT = ("--data", INTENTS, "--batch-size", "20")
LE_ALT_PARAMS = params("params['proj_w']=proj.weight.T", "params['proj_b']=proj.bias",
                       "params['label_table']=labels.weight.T")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RD01_tag_weight_not_pos_weight", side="port",
         args=pair("tagger_numpy.py", "TagNet", "01_tag_weight_port.py", "TagNet", *TAG, *TAG_PARAMS),
         mechanism="pair: the port passes the per-tag positive weights as weight= instead of pos_weight= to "
                   "F.binary_cross_entropy_with_logits: each tag's whole bce (negative term too) is scaled by "
                   "its weight instead of only the positive term, so the loss and every gradient differ from "
                   "step 1 (tags with weight 1 agree)",
         expected=("pos_weight", "weight=", "positive weight", "class weight", "per-label", "per-tag",
                   "binary_cross_entropy_with_logits", "bce", "positive term", "negative term", "rescal",
                   "scaled", "loss", "imbalance")),
    dict(id="RD02_tag_known_mask_gt", side="port",
         args=pair("tagger_numpy.py", "TagNet", "02_tag_known_gt_port.py", "TagNet", *TAG, *TAG_PARAMS),
         mechanism="pair: the port's mask of known tags is (y > 0) instead of (y >= 0): the known negatives "
                   "(y = 0) are masked out as if unknown, so only positive entries enter the loss and its "
                   "denominator counts only positives; loss and gradients differ from step 1",
         expected=("mask", "known", "unknown", "y >= 0", "y > 0", "negatives", "negative labels", "excluded",
                   "missing labels", "comparison", "off by one", "count", "denominator", "masked mean",
                   "-1")),
    dict(id="RD03_tag_clip_after_step", side="port",
         args=pair("tagger_numpy.py", "TagNet", "03_tag_clip_after_step_port.py", "TagNet", *TAG, *TAG_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step(): AdamW steps with the unclipped "
                   "gradients and only the .grad left behind is clipped, so the gradients agree but the moments "
                   "(exp_avg, exp_avg_sq) and the updates differ while the global norm is above MAX_NORM",
         expected=("clip", "clipping", "clip_grad_norm_", "max_norm", "gradient norm", "global norm", "order",
                   "after optimizer.step", "before the step", "unclipped", "exp_avg", "update", "adamw",
                   "optimizer")),
    dict(id="RD04_hs_flat_leaf_softmax", side="port",
         args=pair("hsoftmax_numpy.py", "HierSoftmax", "04_hs_flat_leaf_softmax_port.py", "HierSoftmax", *HS,
                   *HS_PARAMS),
         mechanism="pair: the port takes the leaf log-softmax over all twelve leaf logits (dim=1 of the flat "
                   "tensor) instead of within each group of three (view(-1, 4, 3), dim=2): the leaf term is "
                   "normalised over every class, so the loss is larger and all leaf logits, not only the true "
                   "group's, get gradient",
         expected=("hierarchical", "hierarchical softmax", "within group", "group", "leaf", "log_softmax",
                   "softmax", "dim", "normaliz", "all classes", "flat", "view", "reshape", "conditional",
                   "partition")),
    dict(id="RD05_hs_multistep_once", side="port",
         args=pair("hsoftmax_numpy.py", "HierSoftmax", "05_hs_multistep_port.py", "HierSoftmax", *HS, *HS_PARAMS),
         mechanism="pair: the port's schedule is MultiStepLR(milestones=[5]) instead of StepLR(step_size=5): the "
                   "learning rate halves once, at update 6, and never again, while the NumPy program halves it "
                   "every five updates; the updates differ by a factor 2, 4, 8 from update 11 on",
         expected=("schedule", "scheduler", "steplr", "multisteplr", "milestones", "step_size", "gamma",
                   "learning rate", "decay", "halv", "factor 2", "every 5", "lr", "step decay")),
    dict(id="RD06_hs_group_index", side="port",
         args=pair("hsoftmax_numpy.py", "HierSoftmax", "06_hs_group_index_port.py", "HierSoftmax", *HS,
                   *HS_PARAMS),
         mechanism="pair: the port derives each class's group as y // N_GROUPS (y // 4) instead of "
                   "y // GROUP_SIZE (y // 3): most classes are sent to the wrong group (only groups 0-2 are "
                   "ever targets) and the leaf picked is outside the group used for the group term; loss and "
                   "gradients differ from step 1",
         expected=("group", "group index", "y // 3", "y // 4", "integer division", "label", "mapping",
                   "group_size", "n_groups", "wrong group", "target", "hierarchy", "class to group",
                   "index")),
    dict(id="RD07_le_no_label_smoothing", side="port",
         args=pair("labelemb_numpy.py", "LabelEmb", "07_le_no_smoothing_port.py", "LabelEmb", *LE, *LE_PARAMS),
         mechanism="pair: the port calls F.cross_entropy without label_smoothing=0.1: its targets are the hard "
                   "one-hot labels instead of 0.9 on the true intent plus 0.0125 on every intent, so the loss is "
                   "smaller and the score gradient is softmax - onehot instead of softmax - smoothed target",
         expected=("label smoothing", "label_smoothing", "smoothing", "smoothed", "one-hot", "hard target",
                   "soft target", "cross_entropy", "cross-entropy", "epsilon", "0.1", "target", "loss",
                   "uniform")),
    dict(id="RD08_le_rmsprop_default_alpha", side="port",
         args=pair("labelemb_numpy.py", "LabelEmb", "08_le_rmsprop_alpha_port.py", "LabelEmb", *LE, *LE_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop without alpha=0.9, so it runs with torch's default "
                   "alpha 0.99: the square average takes 0.01 g^2 instead of 0.1 g^2, the denominators are about "
                   "sqrt(10) smaller early on and every update larger; gradients agree, square_avg and updates "
                   "differ",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "square_avg", "smoothing constant", "decay rate",
                   "rho", "moving average", "squared gradient", "denominator", "optimizer", "update",
                   "hyperparameter")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RD09_tag_pos_weight_grad", side="numpy",
         args=pair("09_tag_pos_weight_grad_numpy.py", "TagNet", "tagger_torch.py", "TagNet", *TAG, *TAG_PARAMS),
         mechanism="pair: the hand-written logit gradient leaves out the positive weight, "
                   "(1 - y) s - y (1 - s) instead of (1 - y) s - pw y (1 - s): the loss keeps pw but the "
                   "backward pulls positives as if pw were 1, so every gradient is wrong on positive entries of "
                   "tags with pw != 1 (loss right)",
         expected=("pos_weight", "positive weight", "gradient", "backward", "missing factor", "pw",
                   "positive", "inconsistent", "loss and gradient", "sigmoid", "bce", "derivative",
                   "chain rule", "per-tag")),
    dict(id="RD10_tag_clip_norm_sum", side="numpy",
         args=pair("10_tag_clip_norm_sum_numpy.py", "TagNet", "tagger_torch.py", "TagNet", *TAG, *TAG_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of the four per-tensor norms instead "
                   "of the square root of the summed squares: the norm is overestimated, so the gradients are "
                   "clipped harder (and for more steps) than clip_grad_norm_ does; one common factor on all "
                   "gradients per step",
         expected=("clip", "clipping", "global norm", "gradient norm", "norm", "sum of norms", "sqrt",
                   "l2 norm", "clip_grad_norm_", "max_norm", "scale", "factor", "all gradients",
                   "total norm")),
    dict(id="RD11_hs_leaf_grad_all_groups", side="numpy",
         args=pair("11_hs_leaf_grad_all_groups_numpy.py", "HierSoftmax", "hsoftmax_torch.py", "HierSoftmax", *HS,
                   *HS_PARAMS),
         mechanism="pair: the leaf-logit gradient is not restricted to the true group: (softmax within each "
                   "group - onehot) / n is kept for all four groups, so the three other groups' leaf logits get "
                   "their within-group softmax as gradient though the loss never uses them; Wl, bl and W1, b1 "
                   "wrong, the loss right",
         expected=("hierarchical", "group", "true group", "leaf", "mask", "gradient", "backward",
                   "other groups", "not restricted", "within group", "softmax", "unused logits", "inconsistent",
                   "leaf logits")),
    dict(id="RD12_hs_weight_decay_dropped", side="numpy",
         args=pair("12_hs_no_weight_decay_numpy.py", "HierSoftmax", "hsoftmax_torch.py", "HierSoftmax", *HS,
                   *HS_PARAMS),
         mechanism="pair: the SGD update feeds the raw gradient into the momentum buffer, d = g instead of "
                   "d = g + WD * p: the coupled weight decay that torch's SGD(weight_decay=5e-3) adds is missing, "
                   "so velocity and updates differ by a term proportional to the parameters; gradients agree",
         expected=("weight decay", "weight_decay", "l2", "decay", "proportional to the parameter", "wd * p",
                   "missing", "momentum", "velocity", "sgd", "update", "optimizer", "regulariz",
                   "coupled")),
    dict(id="RD13_hs_steplr_early", side="numpy",
         args=pair("13_hs_steplr_early_numpy.py", "HierSoftmax", "hsoftmax_torch.py", "HierSoftmax", *HS,
                   *HS_PARAMS),
         mechanism="pair: the step schedule is LR * GAMMA ** (t // STEP_SIZE) on the 1-based update count "
                   "instead of (t - 1) // STEP_SIZE: the rate halves one update early (at updates 5, 10, 15, 20 "
                   "instead of 6, 11, 16), so those updates are half torch's",
         expected=("schedule", "steplr", "step decay", "learning rate", "off by one", "off-by-one", "one step early",
                   "t - 1", "step_size", "gamma", "halv", "decay", "epoch", "lr")),
    dict(id="RD14_le_smoothing_grad_onehot", side="numpy",
         args=pair("14_le_smooth_grad_onehot_numpy.py", "LabelEmb", "labelemb_torch.py", "LabelEmb", *LE,
                   *LE_PARAMS),
         mechanism="pair: the loss uses the label-smoothed targets Q but the hand-written score gradient is "
                   "softmax - onehot instead of softmax - Q: loss right, gradients of L, W and b those of the "
                   "unsmoothed cross-entropy",
         expected=("label smoothing", "smoothing", "smoothed", "one-hot", "onehot", "target", "gradient",
                   "backward", "inconsistent", "loss and gradient", "softmax - y", "cross-entropy", "epsilon",
                   "uniform")),
    dict(id="RD15_le_max_axis0", side="numpy",
         args=pair("15_le_max_axis0_numpy.py", "LabelEmb", "labelemb_torch.py", "LabelEmb", *LE, *LE_PARAMS),
         mechanism="pair: the stabilising max of the log-softmax is taken over axis=0 (each intent's max over the "
                   "batch) instead of axis=1 (each row's max): a different shift per column is not a constant per "
                   "row, so the log-probabilities, the loss and every gradient are wrong",
         expected=("axis", "axis=0", "axis=1", "max", "stable softmax", "log-softmax", "logsumexp", "shift",
                   "per row", "per column", "keepdims", "normaliz", "softmax", "forward", "broadcast")),
    dict(id="RD16_le_rmsprop_weights_swapped", side="numpy",
         args=pair("16_le_rmsprop_swapped_numpy.py", "LabelEmb", "labelemb_torch.py", "LabelEmb", *LE,
                   *LE_PARAMS),
         mechanism="pair: the RMSprop square average is (1 - ALPHA) * square_avg + ALPHA * g^2 instead of "
                   "ALPHA * square_avg + (1 - ALPHA) * g^2: the two weights of the moving average are swapped, so "
                   "it keeps 0.1 of its past and takes 0.9 g^2; square_avg and the updates differ, gradients agree",
         expected=("rmsprop", "alpha", "square_avg", "moving average", "swapped", "1 - alpha", "decay rate",
                   "squared gradient", "rho", "exponential moving average", "denominator", "update", "optimizer",
                   "0.9")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RD17_tag_alt_numpy", side="correct",
         args=pair("tagger_alt_numpy.py", "TagNetAlt", "tagger_torch.py", "TagNet", *TAG, *TAG_ALT_PARAMS),
         mechanism="pair: the tagger in NumPy with (out, in) weights under other names, einsum layers, log-sigmoids "
                   "by hand, np.where masks, the logit gradient as s (1 + (pw - 1) y) - pw y, separate backward() "
                   "and step(), the global norm over one concatenated vector, and AdamW as a lazily created "
                   "per-parameter state dict with the bias corrections folded into the step size; against the "
                   "nn.Linear port", expected=()),
    dict(id="RD18_hs_raw_param_port", side="correct",
         args=pair("hsoftmax_numpy.py", "HierSoftmax", "hsoftmax_params_torch.py", "HierSoftmaxP", *HS,
                   *HS_P_PARAMS),
         mechanism="pair: hierarchical-softmax port with raw nn.Parameters in the NumPy layout, torch.addmm, "
                   "log-probabilities by torch.logsumexp over the true group's leaf logits picked by advanced "
                   "indexing, torch.div(rounding_mode='floor') / torch.remainder for group and leaf, SGD with two "
                   "parameter groups and the step decay as a LambdaLR", expected=()),
    dict(id="RD19_le_transposed_table_numpy", side="correct",
         args=pair("labelemb_alt_numpy.py", "LabelEmbAlt", "labelemb_torch.py", "LabelEmb", *LE_ALT,
                   *LE_ALT_PARAMS),
         mechanism="pair: the label-embedding classifier in NumPy with the intent table stored transposed (EMB, K), "
                   "a row-wise logsumexp, the smoothed loss as (1 - eps) nll + eps mean(-log p), the gradient as "
                   "softmax - (1 - eps) onehot - eps / K, and RMSprop square averages in a list updated in place",
         expected=()),
]
