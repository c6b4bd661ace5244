"""Seventy-third fresh held-out set for the diagnosis: one planted bug per program in fresh73/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is models over unordered sets, padded to six elements with a presence flag (channel 3
of X) masking the missing ones: a DeepSets regressor (a per-element tanh MLP phi, masked sum
pooling, a ReLU MLP rho, mean squared error, SGD with momentum and weight decay on the weight
matrices only, mini-batches of 10); a Set Transformer-style attention pooling classifier (PMA: a
learned seed query, two-head attention over the elements with the padding keys masked to -1e9,
a residual and layer normalisation, a ReLU feed-forward block with its own residual and layer
normalisation, three class logits, softmax cross-entropy, Adam); a permutation-equivariant
DeepSets classifier (two layers relu(h Lam + b - masked_mean(h) Gam), masked mean pooling, a
sigmoid outlier logit, binary cross-entropy, RMSprop with alpha 0.9).
The ports use nn.Linear, nn.LayerNorm, masked_fill, view + transpose for the heads,
F.cross_entropy, F.mse_loss, BCEWithLogitsLoss and torch.optim SGD (two parameter groups), Adam
and RMSprop. fresh73/make_data.py writes the data (points.npz, bags.npz, outliers.npz).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh73_cases

Each case:
    id          short name (prefixed QU)
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

F = "scripts/diagnosis_sets/fresh73/"

POINTS, BAGS, OUTLIERS = F + "points.npz", F + "bags.npz", F + "outliers.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, data: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", data, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DS = ("--batch-size", "10")
DS_PARAMS = params("params['W1']=phi1.weight.T", "params['b1']=phi1.bias", "params['W2']=phi2.weight.T",
                   "params['b2']=phi2.bias", "params['W3']=rho1.weight.T", "params['b3']=rho1.bias",
                   "params['W4']=rho2.weight.T", "params['b4']=rho2.bias")
PMA_PARAMS = params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias", "params['seed']=seed",
                    "params['Wq']=q.weight.T", "params['bq']=q.bias", "params['Wk']=k.weight.T",
                    "params['Wv']=v.weight.T", "params['bv']=v.bias", "params['Wo']=o.weight.T",
                    "params['bo']=o.bias", "params['g1']=ln1.weight", "params['be1']=ln1.bias",
                    "params['Wf1']=ff1.weight.T", "params['bf1']=ff1.bias", "params['Wf2']=ff2.weight.T",
                    "params['bf2']=ff2.bias", "params['g2']=ln2.weight", "params['be2']=ln2.bias",
                    "params['Wc']=cls.weight.T", "params['bc']=cls.bias")

EQ_PARAMS = params("params['Lam1']=lam1.weight.T", "params['Gam1']=gam1.weight.T", "params['b1']=lam1.bias",
                   "params['Lam2']=lam2.weight.T", "params['Gam2']=gam2.weight.T", "params['b2']=lam2.bias",
                   "params['w_out']=out.weight.T", "params['b_out']=out.bias")

PMA_MHA_PARAMS = params("p['emb.W']=embed.0.weight.T", "p['emb.b']=embed.0.bias", "p['seed']=seed",
                        "p['attn.W_in']=attn.in_proj_weight.T", "p['attn.W_out']=attn.out_proj.weight.T",
                        "p['ln1.gamma']=norm1.weight", "p['ln1.beta']=norm1.bias", "p['ff.W1']=ff.0.weight.T",
                        "p['ff.b1']=ff.0.bias", "p['ff.W2']=ff.2.weight.T", "p['ff.b2']=ff.2.bias",
                        "p['ln2.gamma']=norm2.weight", "p['ln2.beta']=norm2.bias", "p['head.W']=head.weight.T",
                        "p['head.b']=head.bias")
DS_FLAT_PARAMS = params("W[0]=phi1.weight.T", "b[0]=phi1.bias", "W[1]=phi2.weight.T", "b[1]=phi2.bias",
                        "W[2]=rho1.weight.T", "b[2]=rho1.bias", "W[3]=rho2.weight.T", "b[3]=rho2.bias")
EQ_F_PARAMS = params("params['Lam1']=lam1", "params['Gam1']=gam1", "params['b1']=bias1", "params['Lam2']=lam2",
                     "params['Gam2']=gam2", "params['b2']=bias2", "params['w_out']=w_out", "params['b_out']=b_out")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QU01_pma_mask_inverted", side="port",
         args=pair("pma_numpy.py", "SetPool", "01_pma_mask_inverted_port.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the port's masked_fill is given the presence mask itself instead of its negation "
                   "(~mask), so the real elements' attention scores are set to -1e9 and the seed query attends "
                   "only to the padding rows (uniformly over all keys for a full set); the pooled vector, logits, "
                   "loss and every gradient differ",
         expected=("mask", "masked_fill", "inverted", "~mask", "negation", "padding", "padded", "attention",
                   "key padding", "real elements", "-1e9", "attends to padding", "logical not", "flipped")),
    dict(id="QU02_pma_head_split_reshape", side="port",
         args=pair("pma_numpy.py", "SetPool", "02_pma_head_split_port.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the port splits the keys into heads with reshape(n, HEADS, s, DH) straight from the "
                   "(n, s, E) layout instead of view(n, s, HEADS, DH).transpose(1, 2): each head's 'keys' are "
                   "rows cut across elements and feature halves, scrambled, so the attention scores and weights "
                   "are wrong (values and queries are split right); loss and gradients of Wk, the embedding and "
                   "everything downstream differ",
         expected=("reshape", "view", "transpose", "heads", "split heads", "head split", "multi-head", "keys",
                   "layout", "memory order", "scrambl", "permut", "interleav", "attention scores")),
    dict(id="QU03_pma_nll_on_softmax", side="port",
         args=pair("pma_numpy.py", "SetPool", "03_pma_nll_softmax_port.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the port's loss is F.nll_loss of torch.softmax probabilities instead of "
                   "F.cross_entropy of the logits (nll_loss expects log-probabilities): the loss is minus the "
                   "mean probability of the true class, not minus its log, so the loss value and every gradient "
                   "differ (scaled by the probability, no longer p - onehot)",
         expected=("nll_loss", "softmax", "log_softmax", "log-probabilities", "log probabilities",
                   "cross_entropy", "cross-entropy", "missing log", "probabilities", "logits", "negative log",
                   "loss function", "log")),
    dict(id="QU04_ds_sum_unmasked", side="port",
         args=pair("deepsets_numpy.py", "DeepSets", "04_ds_sum_unmasked_port.py", "DeepSets", POINTS, *DS,
                   *DS_PARAMS),
         mechanism="pair: the port's sum pooling adds phi of every row, h.sum(dim=1), without multiplying by the "
                   "presence mask: the padding rows are zeros but phi(0) = tanh(W2 tanh(b1) + b2) is not, so each "
                   "set's pooled vector gains (6 - size) copies of phi(0); the prediction, loss and all gradients "
                   "differ (the biases' most)",
         expected=("mask", "padding", "padded", "sum pooling", "pooling", "phi(0)", "missing mask", "unmasked",
                   "not masked", "padding rows", "set size", "deepsets", "h.sum", "presence")),
    dict(id="QU05_ds_decay_on_biases", side="port",
         args=pair("deepsets_numpy.py", "DeepSets", "05_ds_decay_biases_port.py", "DeepSets", POINTS, *DS,
                   *DS_PARAMS),
         mechanism="pair: the port builds SGD(model.parameters(), momentum=0.9, weight_decay=0.05) over all "
                   "parameters instead of the two groups, so the biases are decayed too while the NumPy program "
                   "decays only the weight matrices: gradients agree, the biases' momentum buffers and updates "
                   "gain a term 0.05 * b",
         expected=("weight decay", "weight_decay", "bias", "biases", "parameter groups", "param groups",
                   "no decay", "l2", "proportional to the parameter", "momentum", "sgd", "0.05", "optimizer",
                   "decayed")),
    dict(id="QU06_ds_squeeze_broadcast", side="port",
         args=pair("deepsets_numpy.py", "DeepSets", "06_ds_squeeze_broadcast_port.py", "DeepSets", POINTS, *DS,
                   *DS_PARAMS),
         mechanism="pair: the port's forward squeezes the prediction to shape (n,) while the target stays (n, 1): "
                   "F.mse_loss broadcasts them to an (n, n) matrix of every prediction minus every target, so the "
                   "loss is the mean over all pairs and each prediction is pulled toward the batch's mean target; "
                   "loss and gradients differ",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n,)", "(n, 1)", "n x n", "(n, n)",
                   "mse_loss", "target shape", "all pairs", "mean target", "unsqueeze", "mismatch")),
    dict(id="QU07_eq_mean_over_padding", side="port",
         args=pair("equiv_numpy.py", "EquivSet", "07_eq_mean_padding_port.py", "EquivSet", OUTLIERS, *EQ_PARAMS),
         mechanism="pair: the port's masked mean zeroes the padding rows but then takes .mean(dim=1), dividing by "
                   "all 6 rows instead of the set's real count mask.sum(dim=1): every masked mean (both "
                   "equivariant layers' and the pooling) is shrunk by size / 6, so the layers, logit, loss and "
                   "gradients differ",
         expected=("mean", "masked mean", "count", "divide", "divisor", "padding", "set size", "number of elements",
                   "mask.sum", "denominator", "max set", "6", "shrunk", "pooling", "average")),
    dict(id="QU08_eq_rmsprop_alpha", side="port",
         args=pair("equiv_numpy.py", "EquivSet", "08_eq_rmsprop_alpha_port.py", "EquivSet", OUTLIERS, *EQ_PARAMS),
         mechanism="pair: the port's torch.optim.RMSprop is built without alpha=0.9 and so uses the default "
                   "alpha=0.99: the squared-gradient average keeps 0.99 of its past and adds 0.01 g^2, so the "
                   "running average is ten times smaller at step 1 and every update larger (sqrt(10) at step 1); "
                   "gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing", "decay rate", "square_avg",
                   "squared gradient", "running average", "moving average", "optimizer", "update", "rho")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QU09_pma_mask_multiply", side="numpy",
         args=pair("09_pma_mask_multiply_numpy.py", "SetPool", "pma_torch.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the NumPy program masks the attention scores by multiplying them with the presence "
                   "mask, scores * mask, instead of setting the padding scores to -1e9: a padding key's score "
                   "becomes 0, not minus infinity, so exp(0) gives the padding rows real attention weight; the "
                   "attention output, loss and gradients differ",
         expected=("mask", "multiply", "multiplied", "-1e9", "-inf", "infinity", "score 0", "zero score",
                   "padding", "softmax", "attention", "masked", "exp(0)", "np.where")),
    dict(id="QU10_pma_layernorm_backward", side="numpy",
         args=pair("10_pma_ln_backward_numpy.py", "SetPool", "pma_torch.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the hand-written layer-norm backward drops the term xhat * mean(dxhat * xhat), keeping "
                   "only rstd * (dxhat - mean(dxhat)): the gradient through the variance is lost in both layer "
                   "norms, so every gradient below the last layer norm is wrong (forward, loss, the classifier "
                   "head's gradients and the last layer norm's own gamma and beta gradients right)",
         expected=("layer norm", "layernorm", "layer_norm", "backward", "variance", "missing term", "xhat",
                   "normalized", "normalization", "gradient", "rstd", "dropped", "chain rule", "derivative")),
    dict(id="QU11_pma_adam_parenthesis", side="numpy",
         args=pair("11_pma_adam_paren_numpy.py", "SetPool", "pma_torch.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: Adam's second-moment bias correction is written v / (1 - BETA2) ** t instead of "
                   "v / (1 - BETA2 ** t), a misplaced parenthesis: equal at t = 1, then (0.001)^t shrinks so fast "
                   "that v_hat grows by orders of magnitude each step and the updates collapse toward zero from "
                   "step 2; gradients and moments agree",
         expected=("bias correction", "bias-correction", "parenthes", "precedence", "beta2", "1 - beta2",
                   "v_hat", "second moment", "adam", "denominator", "step 2", "too small", "moving with the step",
                   "power")),
    dict(id="QU12_pma_ce_grad_size", side="numpy",
         args=pair("12_pma_ce_size_numpy.py", "SetPool", "pma_torch.py", "SetPool", BAGS, *PMA_PARAMS),
         mechanism="pair: the cross-entropy gradient is divided by probs.size, the batch size times the 3 classes, "
                   "instead of the batch size n: every gradient is a third of the mean loss's gradient (the loss "
                   "value is right); Adam's update is nearly scale-free, but the gradients and the moments are "
                   "all 1/3",
         expected=("cross-entropy", "cross entropy", "batch size", "classes", "1/3", "one third", "factor 3",
                   "scaled", "probs.size", "number of classes", "mean", "reduction", "normaliz", "softmax",
                   "dlogits")),
    dict(id="QU13_ds_einsum_wrong_variable", side="numpy",
         args=pair("13_ds_einsum_variable_numpy.py", "DeepSets", "deepsets_torch.py", "DeepSets", POINTS, *DS,
                   *DS_PARAMS),
         mechanism="pair: phi's second weight gradient is formed from dh2, the gradient at the tanh's output, "
                   "instead of da2 = dh2 * (1 - h2^2), the gradient at its input: W2 misses the tanh derivative "
                   "(b2 and the chain to W1 use da2 and are right); forward and loss are right",
         expected=("tanh", "derivative", "activation derivative", "1 - h^2", "pre-activation", "wrong variable",
                   "w2", "phi", "einsum", "backward", "gradient", "missing factor", "chain rule",
                   "post-activation")),
    dict(id="QU14_ds_l2_factor_two", side="numpy",
         args=pair("14_ds_l2_factor_numpy.py", "DeepSets", "deepsets_torch.py", "DeepSets", POINTS, *DS,
                   *DS_PARAMS),
         mechanism="pair: the weight decay is folded into the gradient as 2 * WD * W, the derivative of "
                   "WD * ||W||^2, instead of WD * W as SGD's weight_decay=WD adds: the weight matrices' momentum "
                   "and updates carry twice the decay (biases untouched); the loss gradients agree",
         expected=("weight decay", "weight_decay", "l2", "factor 2", "twice", "2 *", "derivative of", "penalty",
                   "regularization", "proportional to the parameter", "momentum", "decay", "convention",
                   "double")),
    dict(id="QU15_eq_count_no_axis", side="numpy",
         args=pair("15_eq_count_axis_numpy.py", "EquivSet", "equiv_torch.py", "EquivSet", OUTLIERS, *EQ_PARAMS),
         mechanism="pair: the element count is mask.sum() with no axis, the number of real elements in the whole "
                   "batch, instead of mask.sum(axis=1, keepdims=True) per set: every masked mean divides by the "
                   "batch total (162 on the whole data set) instead of the set's size, so the means are "
                   "tiny, and the layers, logit, loss and gradients differ",
         expected=("axis", "sum", "count", "whole batch", "batch", "per set", "keepdims", "mean", "masked mean",
                   "divide", "divisor", "set size", "denominator", "number of elements")),
    dict(id="QU16_eq_mean_path_backward", side="numpy",
         args=pair("16_eq_mean_path_numpy.py", "EquivSet", "equiv_torch.py", "EquivSet", OUTLIERS, *EQ_PARAMS),
         mechanism="pair: the backward of the second equivariant layer passes the gradient to h1 only through "
                   "the per-element path dpre2 @ Lam2^T and drops the path through the masked mean "
                   "- (sum of dpre2) @ Gam2^T * mask / count: the first layer's Lam1, Gam1 and b1 get wrong "
                   "gradients (forward, loss and the second layer's gradients right)",
         expected=("mean", "masked mean", "missing term", "gamma", "gam2", "equivariant", "backward", "path",
                   "pooling", "dropped", "chain rule", "set mean", "first layer", "gradient")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QU17_pma_packed_mha", side="correct",
         args=pair("pma_packed_numpy.py", "SetPoolPacked", "pma_mha_torch.py", "SetPoolMHA", BAGS, *PMA_MHA_PARAMS),
         mechanism="pair: the attention-pooling classifier without projection biases, in NumPy with one packed "
                   "(E, 3E) q|k|v matrix, np.einsum over an explicit head axis, -inf for the padding keys, "
                   "layer-norm objects with their own caches and backward, dotted parameter names and Adam "
                   "(m, v) pairs updated in place; against nn.MultiheadAttention(bias=False, batch_first=True) "
                   "with key_padding_mask, nn.Sequential, nn.CrossEntropyLoss and Adam(foreach=False)",
         expected=()),
    dict(id="QU18_ds_flat_pool_matrix", side="correct",
         args=pair("deepsets_flat_numpy.py", "DeepSetsFlat", "deepsets_torch.py", "DeepSets", POINTS, *DS,
                   *DS_FLAT_PARAMS),
         mechanism="pair: the DeepSets regressor in NumPy with the points flattened to (n * 6, 3), the masked sum "
                   "pooling as a product with an (n, n * 6) pooling matrix of presence flags (its transpose in "
                   "the backward), the layers and velocities in lists, the loss as a dot product and the decay "
                   "added to the weights' velocities only; against the nn.Module port with two SGD parameter "
                   "groups",
         expected=()),
    dict(id="QU19_eq_functional_port", side="correct",
         args=pair("equiv_numpy.py", "EquivSet", "equiv_functional_torch.py", "EquivSetF", OUTLIERS, *EQ_F_PARAMS),
         mechanism="pair: the equivariant DeepSets port with raw (in, out) nn.Parameters applied by torch.einsum, "
                   "the padding removed by torch.where on a boolean mask, clamped counts, one shared equivariant "
                   "function for both layers, torch.addmm for the logit, F.binary_cross_entropy_with_logits and "
                   "RMSprop(alpha=0.9, foreach=False) with zero_grad(set_to_none=True); against the hand-written "
                   "NumPy RMSprop",
         expected=()),
]
