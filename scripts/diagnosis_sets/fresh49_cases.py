"""Forty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh49/
(eight PyTorch ports and eight NumPy programs, every one checked against the user's own program on
the other side, both as written) and three correct programs in unusual styles. The theme is weight
parametrisations written by hand: weight normalisation w = g v / ||v|| with a norm and a gain per
output unit, a LoRA adapter (a frozen base weight plus scale * B @ A, B started at zero,
scale = alpha / r), a factorised layer W = U @ V, a fixed pruning mask multiplied into a weight
(stored in fresh49/mask.npz), and an equalised-learning-rate layer scaling its weight by
sqrt(2 / fan_in) at every forward; the slips are the axis of the norm, the gain's broadcast, the
LoRA scale inverted or applied twice, a frozen base that trains, the adapter path left out of the
backward pass, the mask transposed, left out of the forward pass or of the gradient, the scale
taken from fan_out or put on the bias too, a factor's gradient with U where U^T belongs, an update
made with a factor already moved. fresh49/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh49_cases

Each case:
    id          short name (prefixed PW)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and of the other fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference; the fix is in a comment on that line)
to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh49/"

REG, CLS = F + "reg.npz", F + "cls.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


WN = params("V1=l1.v.T", "g1=l1.g", "b1=l1.bias", "V2=l2.v.T", "g2=l2.g", "b2=l2.bias", "W3=out.weight.T",
            "b3=out.bias")
WN_INLINE = params("V1=v1.T", "g1=g1", "b1=b1", "V2=v2.T", "g2=g2", "b2=b2", "W3=head.weight.T", "b3=head.bias")
EQ = params("W1=l1.weight.T", "b1=l1.bias", "W2=l2.weight.T", "b2=l2.bias")
PRUNE = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight_orig.T", "b2=fc2.bias", "W3=head.weight.T",
               "b3=head.bias")
PRUNE_BUFFER = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias", "W3=head.weight.T",
                      "b3=head.bias")
LOWRANK = params("U=U.weight.T", "V=V.weight.T", "b1=V.bias", "W2=head.weight.T", "b2=head.bias")
LORA = params("W1=fc1.weight.T", "b1=fc1.bias", "A=adapted.A.T", "B=adapted.B.T", "b2=adapted.bias",
              "W3=head.weight.T", "b3=head.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PW01_wn_norm_dim", side="port",
         args=pair("wn_numpy.py", "WNNet", "01_wn_regressor_torch.py", "WNNet", "--data", REG, *WN),
         mechanism="pair: the port's hand-written weight norm divides v (nn.Linear's (out, in) layout) by v.norm(dim=0, keepdim=True), the norm of each input column, instead of dim=1, the norm of each output unit's row: w = g v / ||v|| is normalised along the wrong axis in both weight-normalised layers, so the effective weights (forward pass, loss) and every gradient differ from the start",
         expected=('weight norm', 'weight normalization', 'weight normalisation', 'norm(dim=0', 'dim=0', 'dim=1', 'wrong axis', 'wrong dimension', 'per output unit', 'per input', 'column norm', 'row norm', '||v||', 'normalised over', 'normalized over', 'axis')),
    dict(id="PW02_wn_gain_broadcast", side="port",
         args=pair("wn_numpy.py", "WNNet", "02_wn_inline_torch.py", "WNNet", "--data", REG, *WN_INLINE),
         mechanism="pair: the port's second weight-normalised layer writes w2 = g2 * v2 / ||v2|| with v2 in nn.Linear's (out, in) layout and g2 of shape (out,): on the square 8 x 8 layer g2 broadcasts along the last axis, scaling each input column instead of each output row (g2[:, None] meant), so the layer's effective weight and the gains' gradients are wrong from the first forward pass",
         expected=('broadcast', 'g[:, none]', '[:, none]', 'unsqueeze', 'gain', 'g2', 'wrong dimension', 'wrong axis', 'per output unit', 'columns', 'rows', 'input dimension', 'square', 'weight norm', 'weight normalization', 'transpos')),
    dict(id="PW03_lora_scale_inverted", side="port",
         args=pair("lora_numpy.py", "LoRANet", "03_lora_classifier_torch.py", "LoRANet", "--data", CLS, *LORA),
         mechanism="pair: the port's LoRA layer sets scale = r / alpha (2 / 8 = 0.25) instead of alpha / r (8 / 2 = 4): with B started at zero the first forward pass agrees, but B's gradient (and later A's) is 16 times too small and the adapter's contribution to the output is 16 times too weak once B moves",
         expected=('lora', 'scale', 'scaling', 'alpha / r', 'alpha/r', 'r / alpha', 'r/alpha', 'inverted', 'reciprocal', '16', '0.25', 'factor', 'adapter', 'lora_b', "b's gradient", 'too small')),
    dict(id="PW04_lora_base_trained", side="port",
         args=pair("lora_numpy.py", "LoRANet", "04_lora_frozen_torch.py", "LoRANet", "--data", CLS, *LORA),
         mechanism="pair: the port stores the LoRA layer's frozen base weight as nn.Parameter instead of a registered buffer, so model.parameters() hands it to the optimizer and it gets a gradient and is updated every step, where the NumPy program keeps W0 fixed and trains only A, B and the biases",
         expected=('frozen', 'freeze', 'not frozen', 'requires_grad', 'register_buffer', 'buffer', 'nn.parameter', 'base weight', 'w0', 'trained', 'updated', 'should not', 'never move', 'lora', 'optimizer', 'parameters()')),
    dict(id="PW05_lowrank_inner_activation", side="port",
         args=pair("lowrank_numpy.py", "LowRankNet", "05_lowrank_torch.py", "LowRankNet", "--data", REG, *LOWRANK),
         mechanism="pair: the port's factorised layer applies tanh between the two factors, tanh(V(tanh(U x))), instead of a linear product W = U @ V followed by one tanh: the rank bottleneck becomes a nonlinear hidden layer, so the forward pass, the loss and every gradient differ from the first step",
         expected=('tanh', 'activation', 'nonlinearity', 'non-linearity', 'between', 'bottleneck', 'factor', 'factorised', 'factorized', 'low-rank', 'low rank', 'u @ v', 'extra activation', 'linear', 'forward pass', 'inner')),
    dict(id="PW06_eq_scale_fan_out", side="port",
         args=pair("eq_numpy.py", "EqNet", "06_eq_fanout_torch.py", "EqNet", "--data", REG, *EQ),
         mechanism="pair: the port's equalised-learning-rate layer computes its He constant as sqrt(2 / weight.shape[0]), which for nn.Linear's (out, in) weight is fan_out, instead of weight.shape[1] = fan_in: the runtime weight scale is sqrt(2/8) instead of sqrt(2/4) in the first layer and sqrt(2/2) instead of sqrt(2/8) in the second, so the forward pass and every gradient are wrong",
         expected=('fan_in', 'fan_out', 'fan-in', 'fan-out', 'fan in', 'fan out', 'shape[0]', 'shape[1]', 'he constant', 'equalized', 'equalised', 'equalized learning rate', 'sqrt(2', 'scale', 'out, in', 'layout')),
    dict(id="PW07_prune_mask_layout", side="port",
         args=pair("prune_numpy.py", "PrunedNet", "07_prune_mask_torch.py", "PrunedNet", "--data", CLS, *PRUNE),
         mechanism="pair: the port passes the pruning mask stored in the NumPy (in, out) layout straight to prune.custom_from_mask on nn.Linear's (out, in) weight instead of its transpose MASK.T: on the square 8 x 8 layer the wrong entries are pruned (the mask transposed), so the hidden layer's effective weight, the forward pass and the gradients differ from the start",
         expected=('mask', 'prune', 'pruning', 'custom_from_mask', 'transpose', 'transposed', 'mask.t', '.t', 'layout', 'out, in', 'in, out', 'wrong entries', 'square', 'weight_orig', 'sparsity')),
    dict(id="PW08_eq_scaled_bias", side="port",
         args=pair("eq_numpy.py", "EqNet", "08_eq_bias_torch.py", "EqNet", "--data", REG, *EQ),
         mechanism="pair: the port's equalised layer multiplies the bias by the He constant too, F.linear(x, w * scale, bias * scale), where only the weight is scaled: the biases start at zero so the first forward pass agrees, but each bias's gradient is scaled by c = sqrt(2 / fan_in) (0.71 and 0.5) and the biases' contribution to the output by c as well",
         expected=('bias', 'bias * scale', 'scaled bias', 'scale', 'he constant', 'equalized', 'equalised', 'sqrt(2', 'fan_in', '0.707', '0.71', '0.5', 'only the weight', 'b1', 'b2', 'factor')),
    # ------------------------------------------------------------------ numpy
    dict(id="PW09_wn_gain_grad_norm", side="numpy",
         args=pair("09_wn_regressor_numpy.py", "WNNet", "wn_torch.py", "WNNet", "--data", REG, *WN),
         mechanism="pair: the NumPy weight-norm backward takes the gain's gradient as dg = sum(dW * v) over each column without dividing by ||v|| (the correct dg = v . dW / ||v||): g1's and g2's gradients are ||v|| times too large (per unit), while V's gradient, the biases and the output weights are right",
         expected=('gain', 'dg', 'g1', 'g2', '||v||', 'norm', 'divide', 'divided', 'dividing', 'missing', 'weight norm', 'weight normalization', 'v_hat', 'unit vector', 'too large', 'per unit')),
    dict(id="PW10_lora_scale_twice", side="numpy",
         args=pair("10_lora_classifier_numpy.py", "LoRANet", "lora_torch.py", "LoRANet", "--data", CLS, *LORA),
         mechanism="pair: the NumPy LoRA backward multiplies B's gradient by SCALE although the upstream gradient d_lora already carries it: dB = SCALE * (h A)^T (SCALE dz), the adapter scale alpha / r = 4 applied twice, so B's gradient is 4 times too large (A's, computed from the same d_lora, is right; at step 1 B = 0 so only B moves)",
         expected=('scale', 'twice', 'applied twice', 'double', 'scale^2', 'scale squared', 'alpha / r', 'alpha/r', 'lora', 'db', "b's gradient", 'factor 4', '4 times', '4x', 'too large', 'adapter')),
    dict(id="PW11_lora_backprop_base_only", side="numpy",
         args=pair("11_lora_backprop_numpy.py", "LoRANet", "lora_torch.py", "LoRANet", "--data", CLS, *LORA),
         mechanism='pair: the NumPy program back-propagates through the LoRA layer with the frozen base weight alone, dh1 = dz2 @ W0^T, instead of the adapted weight W0 + SCALE A @ B: the adapter path to the layer below is missing, which is invisible at step 1 (B = 0) but gives W1 and b1 wrong gradients once B has moved',
         expected=('lora', 'adapter', 'w0', 'base weight', 'frozen', 'effective weight', 'a @ b', 'missing', 'backprop', 'back-propagat', 'upstream', 'w1', 'b1', 'dh1', 'lower layer', 'first layer')),
    dict(id="PW12_lowrank_factor_grad", side="numpy",
         args=pair("12_lowrank_numpy.py", "LowRankNet", "lowrank_torch.py", "LowRankNet", "--data", REG, *LOWRANK),
         mechanism="pair: the NumPy factorised layer W = U @ V takes V's gradient as U @ dW instead of U^T @ dW (the square 4 x 4 factor U lets the wrong product run): V's gradient is wrong from the first step, while U's gradient dW V^T, the bias and the output layer are right",
         expected=('transpose', 'u.t', 'u^t', 'transposed', 'dv', "v's gradient", 'factor', 'factorised', 'factorized', 'low-rank', 'low rank', 'u @ v', 'chain rule', 'square', 'missing transpose', 'wrong')),
    dict(id="PW13_prune_grad_unmasked", side="numpy",
         args=pair("13_prune_grad_numpy.py", "PrunedOnceNet", "correct_03_prune_buffer_torch.py", "BoolPrunedNet",
                   "--data", CLS, *PRUNE_BUFFER),
         mechanism='pair: the NumPy program prunes its hidden weight once (W2 * mask at init) and uses it as it is, relying on masked gradients, but the gradient dW2 = h1^T dz2 is not multiplied by the mask: the pruned entries get gradient and regrow from the first update, so the pruned weights turn nonzero and the forward pass differs from step 2 (the port multiplies by the mask every forward)',
         expected=('mask', 'prune', 'pruned', 'pruning', 'gradient', 'update', 'not masked', 'unmasked', 'regrow', 'zero', 'sparsity', 'w2', 'dw2', 'mask the gradient', 'multiplied by the mask', 'fixed mask')),
    dict(id="PW14_prune_forward_unmasked", side="numpy",
         args=pair("14_prune_forward_numpy.py", "PrunedNet", "prune_torch.py", "PrunedNet", "--data", CLS, *PRUNE),
         mechanism="pair: the NumPy program masks its hidden weight's gradient but its forward pass uses the raw stored weight h1 @ W2 instead of h1 @ (W2 * mask): the pruned entries (nonzero in the raw weight, never updated) take part in the forward pass, so the output, the loss and every gradient below differ from the start",
         expected=('mask', 'prune', 'pruned', 'pruning', 'forward', 'raw weight', 'unmasked', 'w2 * mask', 'not applied', 'sparsity', 'effective weight', 'w2', 'output', 'multiplied by the mask', 'fixed mask', 'missing mask')),
    dict(id="PW15_eq_grad_scale", side="numpy",
         args=pair("15_eq_grad_numpy.py", "EqNet", "eq_torch.py", "EqNet", "--data", REG, *EQ),
         mechanism="pair: the NumPy equalised-learning-rate network scales W1 by c1 = sqrt(2 / 4) in the forward pass but its gradient drops the chain-rule factor c1: dW1 = X^T dz1 instead of c1 X^T dz1, so W1's gradient is sqrt(2) = 1.41 times too large, while b1, W2 and b2 are right",
         expected=('chain rule', 'chain-rule', 'scale', 'he constant', 'c1', 'sqrt(2', '1.41', '1.414', '0.707', 'equalized', 'equalised', 'w1', 'dw1', 'missing factor', 'too large', 'runtime scale')),
    dict(id="PW16_lowrank_stale_update", side="numpy",
         args=pair("16_lowrank_update_numpy.py", "LowRankNet", "lowrank_torch.py", "LowRankNet", "--data", REG,
                   *LOWRANK),
         mechanism="pair: the NumPy factorised layer updates U first and then moves V by LR * U^T dW recomputed with the already-updated U instead of the gradient dV = U_old^T dW computed before: V's reported gradient is right but its update is LR (U - LR dU)^T dW = LR dV - LR^2 dU^T dW, a sequential update that reads a factor already moved",
         expected=('update', 'updated u', 'already updated', 'stale', 'sequential', 'order', 'before', 'after', 'recomputed', 'dv', 'v', 'u', 'factor', 'simultaneous', 'old value', 'low-rank')),
    # ------------------------------------------------------------------ correct
    dict(id="PWC1_lora_parametrize", side="correct",
         args=pair("lora_numpy.py", "LoRANet", "correct_01_lora_parametrize_torch.py", "LoRANet", "--data", CLS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "A=adapted.parametrizations.weight.0.A.T",
                           "B=adapted.parametrizations.weight.0.B.T", "b2=adapted.bias", "W3=head.weight.T",
                           "b3=head.bias", "W0=adapted.parametrizations.weight.original.T")),
         mechanism='pair: LoRA through torch.nn.utils.parametrize.register_parametrization on a plain nn.Linear whose weight is frozen (requires_grad_(False)) and holds the base, the parametrization module holding A and B (W0 + scale * B @ A), optimizer over the parameters that require grad; against the hand-written NumPy LoRA with B started at zero',
         expected=()),
    dict(id="PWC2_eq_parametrize", side="correct",
         args=pair("eq_numpy.py", "EqNet", "correct_02_eq_parametrize_torch.py", "EqNet", "--data", REG,
                   *params("W1=body.0.parametrizations.weight.original.T", "b1=body.0.bias",
                           "W2=body.2.parametrizations.weight.original.T", "b2=body.2.bias")),
         mechanism='pair: equalised learning rate through register_parametrization(unsafe=True, no right_inverse) on stock nn.Linear layers in nn.Sequential, the raw N(0, 1) weight as parametrizations.weight.original scaled by sqrt(2 / in_features) at every access; against the NumPy program scaling in the forward and chaining the scale into the gradient',
         expected=()),
    dict(id="PWC3_prune_boolean", side="correct",
         args=pair("correct_03_prune_where_numpy.py", "BoolPrunedNet", "correct_03_prune_buffer_torch.py",
                   "BoolPrunedNet", "--data", CLS,
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                           "params['b2']=fc2.bias", "params['W3']=head.weight.T", "params['b3']=head.bias")),
         mechanism="pair: NumPy pruning with a boolean keep mask, the effective weight np.where(keep, W2, 0), the raw weight's gradient zeroed with np.putmask, log-softmax by np.logaddexp.reduce, the cross-entropy by einsum, weights in one dict updated in place; against a MaskedLinear subclass of nn.Linear with the transposed mask as a buffer",
         expected=()),
]
