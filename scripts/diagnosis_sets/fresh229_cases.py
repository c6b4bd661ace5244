"""fresh229: regularisation by fixed random masks given in the data, one per training step.

Theme: DropConnect (a Bernoulli mask on a weight matrix, inverted scaling 1/keep),
stochastic depth on residual blocks (a per-step survival draw per block, a kept block's
output scaled by 1/p_survive) and inverted dropout on activations. The masks and draws
for all 20 steps are stored in the .npz (made by fresh229/make_data.py, seed 229) and
loaded by each program's constructor; each program keeps its own step index `t` and
reads that step's masks. The NumPy programs write the backward through the masks by hand.

Base pair A (fresh229/a_numpy.py, fresh229/a_torch.py, class DropConnectNet, data a.npz):
a 3-class classifier, 32 rows x 6 features -> fc1 (6 -> 8) whose weight is DropConnect-
masked (keep 0.75, mask (6, 8) per step, scaled 1/0.75) -> ReLU -> inverted dropout on
the hidden layer (keep 0.8, mask (32, 8) per step) -> fc2 (8 -> 3) logits -> softmax
cross-entropy, mean over rows; SGD with momentum 0.9 (torch form v = mu v + g), lr 0.1.
NumPy keeps params['W1'] (6, 8), b1, W2 (8, 3), b2; the port nn.Linear fc1, fc2.

Base pair B (fresh229/b_numpy.py, fresh229/b_torch.py, class ResidualSDNet, data b.npz):
a regressor, 40 rows x 4 features, one target -> stem Linear (4 -> 6) + ReLU -> inverted
dropout (keep 0.75, mask (40, 6) per step) -> two residual blocks z = z + (s_k/p_k)
tanh(z Wk + bk) (6 -> 6, stochastic depth with survival probabilities 0.8 and 0.6, draws
s (20, 2) per step) -> head Linear (6 -> 1) -> mean squared error on the (N,) output;
Adam lr 0.01, betas (0.9, 0.999), eps 1e-8. NumPy keeps params['Win'], bin, W0, b0, W1,
b1, Wout, bout and Adam's m, v; the port nn.Linear stem, blocks[0..1], head. A dropped
block is still run times 0 in the port, so its gradient is zero (not None) and Adam
decays its moments and moves it, as the NumPy program does.

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set; validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh229/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def base_a(numpy="a_numpy.py", port="a_torch.py", numpy_cls="DropConnectNet",
           port_cls="DropConnectNet", w1_layout=".T"):
    return [F + numpy + ":" + numpy_cls, "--torch", F + port + ":" + port_cls,
            "--data", F + "a.npz", "--as-written",
            "--param", "params['W1']=fc1.weight" + w1_layout,
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias"] + RUN


def base_b(numpy="b_numpy.py", port="b_torch.py", numpy_cls="ResidualSDNet",
           port_cls="ResidualSDNet", raw_params=False):
    if raw_params:
        pairs = [("Win", "Win"), ("bin", "bin"), ("W0", "W0"), ("b0", "b0"),
                 ("W1", "W1"), ("b1", "b1"), ("Wout", "Wout"), ("bout", "bout")]
    else:
        pairs = [("Win", "stem.weight.T"), ("bin", "stem.bias"),
                 ("W0", "blocks.0.weight.T"), ("b0", "blocks.0.bias"),
                 ("W1", "blocks.1.weight.T"), ("b1", "blocks.1.bias"),
                 ("Wout", "head.weight.T"), ("bout", "head.bias")]
    args = [F + numpy + ":" + numpy_cls, "--torch", F + port + ":" + port_cls,
            "--data", F + "b.npz", "--as-written"]
    for n, t in pairs:
        args += ["--param", "params['%s']=%s" % (n, t)]
    return args + RUN


CASES = [
    # ---- PyTorch-port bugs, checked against the correct NumPy program
    {"id": "WU01", "side": "port", "args": base_a(port="01_dc_scale_port.py"),
     "mechanism": "DropConnect-masked fc1.weight multiplied by the keep probability 0.75 "
                  "(w * M * keep) instead of divided by it (w * M / keep): the inverted scaling inverted",
     "expected": ("dropconnect", "scale", "keep", "1/(1-p)", "mask")},
    {"id": "WU02", "side": "port", "args": base_b(port="02_sd_skip_port.py"),
     "mechanism": "a block dropped by stochastic depth is skipped with `if s[k]:` instead of run "
                  "times 0, so its weight and bias .grad is None and torch.optim.Adam skips them that "
                  "step (no moment decay, no update) while the NumPy Adam steps them with a zero gradient",
     "expected": ("stochastic depth", "grad", "none", "adam", "skip", "zero gradient")},
    {"id": "WU03", "side": "port", "args": base_a(port="03_ce_sum_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') where the NumPy program takes the mean over "
                  "the 32 rows: every gradient 32 times too large",
     "expected": ("reduction", "sum", "mean", "cross_entropy", "batch size")},
    {"id": "WU04", "side": "port", "args": base_a(port="04_nesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9, nesterov=True) where the NumPy program uses "
                  "heavy-ball momentum (W -= lr v): the update is lr (g + mu v) instead of lr v",
     "expected": ("nesterov", "momentum", "sgd", "velocity")},
    {"id": "WU05", "side": "port", "args": base_b(port="05_sd_noscale_port.py"),
     "mechanism": "a kept residual block's output added as s_k * tanh(...) without the 1/p_survive "
                  "scale (z + s_k tanh(.) instead of z + s_k/p_k tanh(.))",
     "expected": ("stochastic depth", "survival", "scale", "1/p", "residual")},
    {"id": "WU06", "side": "port", "args": base_b(port="06_adamw_port.py"),
     "mechanism": "torch.optim.AdamW(lr=0.01) for plain Adam: AdamW's default weight_decay=0.01 "
                  "shrinks every parameter by lr * 0.01 * p each step (decoupled weight decay)",
     "expected": ("adamw", "weight_decay", "weight decay", "0.01", "decoupled")},
    {"id": "WU07", "side": "port", "args": base_b(port="07_broadcast_port.py"),
     "mechanism": "the head's (N, 1) output not squeezed: F.mse_loss against the (N,) target "
                  "broadcasts to an (N, N) difference, the mean over all pairs",
     "expected": ("broadcast", "shape", "squeeze", "mse_loss", "(n, 1)")},
    {"id": "WU08", "side": "port", "args": base_a(port="08_dc_reshape_port.py"),
     "mechanism": "the step's (in, out) = (6, 8) DropConnect mask reshaped to fc1.weight's (8, 6) "
                  "with .reshape instead of transposed with .T: the wrong weights are dropped",
     "expected": ("dropconnect", "mask", "reshape", "transpose", "layout")},
    # ---- NumPy bugs, checked against the correct port
    {"id": "WU09", "side": "numpy", "args": base_a(numpy="09_dc_grad_nomask_numpy.py"),
     "mechanism": "backward: g['W1'] = X.T @ dz1, the gradient with respect to the masked weight, "
                  "not multiplied back through the DropConnect mask and its 1/keep scale",
     "expected": ("dropconnect", "mask", "chain rule", "w1", "backward")},
    {"id": "WU10", "side": "numpy", "args": base_a(numpy="10_dropout_grad_noscale_numpy.py"),
     "mechanism": "backward through the inverted dropout multiplies by the mask D but forgets the "
                  "1/keep (1/0.8) scale: dW1 and db1 0.8 times the true gradient",
     "expected": ("dropout", "scale", "keep", "backward", "mask")},
    {"id": "WU11", "side": "numpy", "args": base_a(numpy="11_ce_grad_nomean_numpy.py"),
     "mechanism": "the gradient of the mean cross-entropy (softmax - onehot) not divided by the "
                  "batch size N = 32, while the loss is the mean",
     "expected": ("mean", "batch size", "cross-entropy", "normalisation", "gradient")},
    {"id": "WU12", "side": "numpy", "args": base_a(numpy="12_momentum_ema_numpy.py"),
     "mechanism": "the velocity kept as an exponential moving average v = mu v + (1 - mu) g instead "
                  "of torch's v = mu v + g (a dampening of 0.9)",
     "expected": ("momentum", "velocity", "dampening", "1 - mu", "moving average")},
    {"id": "WU13", "side": "numpy", "args": base_b(numpy="13_tanh_deriv_numpy.py"),
     "mechanism": "the residual block's tanh derivative written 1 - r instead of 1 - r**2 "
                  "(r = tanh(z Wk + bk)) in the hand-written backward",
     "expected": ("tanh", "derivative", "1 - r^2", "square", "block")},
    {"id": "WU14", "side": "numpy", "args": base_b(numpy="14_skip_grad_numpy.py"),
     "mechanism": "backward through a residual block sets dz = da @ Wk.T, dropping the identity "
                  "(skip) path's dz: the gradient into the stem and earlier block loses the skip term",
     "expected": ("residual", "skip", "identity", "gradient", "block")},
    {"id": "WU15", "side": "numpy", "args": base_b(numpy="15_block_cache_numpy.py"),
     "mechanism": "each block caches its output z + (s/p) r instead of its input z, so the block "
                  "weight gradient Wk.grad = z_out.T @ da uses the wrong activation (when the block is kept)",
     "expected": ("cache", "input", "block", "weight gradient", "activation")},
    {"id": "WU16", "side": "numpy", "args": base_b(numpy="16_adam_bc_numpy.py"),
     "mechanism": "Adam's second-moment bias correction v / (1 - beta1**t) instead of "
                  "v / (1 - beta2**t)",
     "expected": ("adam", "bias correction", "beta2", "second moment", "v")},
    # ---- correct variants
    {"id": "WU17", "side": "correct",
     "args": base_a(numpy="17_transposed_numpy.py", numpy_cls="TransposedDropConnect", w1_layout=""),
     "mechanism": "NumPy program keeps W1 as (hidden, in) like nn.Linear and transposes the DropConnect "
                  "masks once in the constructor; forward X @ (W1*M/keep).T, backward dz1.T @ X: the same math",
     "expected": ()},
    {"id": "WU18", "side": "correct",
     "args": base_b(port="18_rawparams_port.py", port_cls="SDResMLP", raw_params=True),
     "mechanism": "port with raw nn.Parameters in the NumPy layout (x @ W + b), dropout and "
                  "stochastic-depth factors precomputed as tables, loss written as ((out - y)**2).mean(): "
                  "the same function and Adam",
     "expected": ()},
    {"id": "WU19", "side": "correct",
     "args": base_b(numpy="19_adam_torchform_numpy.py", numpy_cls="ResidualSDAdam"),
     "mechanism": "NumPy program with the stochastic-depth factors s/p precomputed per step and Adam "
                  "in torch's arrangement (lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)): algebraically the same update",
     "expected": ()},
]

# the fixed copy of each bug: the base file it was copied from, under the same arguments
FIXED = {
    "WU01": base_a(), "WU03": base_a(), "WU04": base_a(), "WU08": base_a(),
    "WU09": base_a(), "WU10": base_a(), "WU11": base_a(), "WU12": base_a(),
    "WU02": base_b(), "WU05": base_b(), "WU06": base_b(), "WU07": base_b(),
    "WU13": base_b(), "WU14": base_b(), "WU15": base_b(), "WU16": base_b(),
}
