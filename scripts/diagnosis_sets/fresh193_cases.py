"""One hundred and ninety-third fresh held-out set for the diagnosis: one planted bug per program
in fresh193/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is DeepSets and set-pooling
models on sets of variable size padded to a fixed size, the element mask carried in the data as
the last feature of each element: a per-element MLP phi, a masked mean, max (gradient routed to
the argmax) or attention pool (a learned query, scaled scores, a masked softmax over the
elements), a rho MLP on the pooled vector, a regression or classification loss, SGD with
momentum and weight decay, Adam with L2 decay, or plain SGD with weight decay.

The base programs (data from fresh193/make_data.py, fixed seed, nothing random while training):

    mean_numpy.py:DeepSetMean / mean_torch.py:DeepSetMean, mean.npz X (32, 8, 4), y (32,) float
        phi = Linear(3,16) ReLU Linear(16,16) tanh per element (NumPy: params dict, W kept
        (in, out)); masked mean over the set (sum of m_i e_i / sum of m_i); rho = Linear(16,16)
        ReLU Linear(16,1), squeezed to (N,); MSE, mean. SGD lr 0.05 momentum 0.9 weight decay
        1e-3 coupled as torch.optim.SGD (g + wd p into the velocity).
    max_numpy.py:DeepSetMax / max_torch.py:DeepSetMax, max.npz X (48, 10, 3), y (48,) in {0, 1, 2}
        phi = Linear(2,24) ReLU Linear(24,16) per element (NumPy: params dict in torch's (out, in)
        layout); max over the real elements (padding -inf, the gradient to the argmax element);
        rho = Linear(16,16) ReLU Linear(16,3); softmax cross-entropy, mean. Adam lr 0.01,
        betas (0.9, 0.999), eps 1e-8, bias-corrected, L2 weight decay 5e-4 added to the gradient
        as torch.optim.Adam(weight_decay=5e-4).
    attn_numpy.py:AttnPool / attn_torch.py:AttnPool, attn.npz X (40, 6, 5), y (40,) float 0/1
        e = tanh(Linear(4,16)) per element (NumPy: attributes, W kept (in, out)); scores
        e . q / sqrt(16) with a learned query q, padding -inf, softmax over the set, pooled
        sum a_i e_i; rho = Linear(16,8) tanh Linear(8,1) to one logit; BCE with logits, mean.
        Plain SGD lr 0.5 with weight decay 1e-3 (coupled).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh193_cases

Each case:
    id          short name (prefixed VK)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh193/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mean(numpy="mean_numpy.py", port="mean_torch.py"):
    return [F + numpy + ":DeepSetMean", "--torch", F + port + ":DeepSetMean",
            "--data", F + "mean.npz", "--as-written",
            "--param", "params['phi_W1']=phi.0.weight.T",
            "--param", "params['phi_b1']=phi.0.bias",
            "--param", "params['phi_W2']=phi.2.weight.T",
            "--param", "params['phi_b2']=phi.2.bias",
            "--param", "params['rho_W1']=rho.0.weight.T",
            "--param", "params['rho_b1']=rho.0.bias",
            "--param", "params['rho_W2']=rho.2.weight.T",
            "--param", "params['rho_b2']=rho.2.bias", *RUN]


def mean_alt():
    return [F + "mean_alt_numpy.py:DeepSetMeanAlt", "--torch", F + "mean_torch.py:DeepSetMean",
            "--data", F + "mean.npz", "--as-written",
            "--param", "params['phi1_w']=phi.0.weight",
            "--param", "params['phi1_b']=phi.0.bias",
            "--param", "params['phi2_w']=phi.2.weight",
            "--param", "params['phi2_b']=phi.2.bias",
            "--param", "params['rho1_w']=rho.0.weight",
            "--param", "params['rho1_b']=rho.0.bias",
            "--param", "params['rho2_w']=rho.2.weight",
            "--param", "params['rho2_b']=rho.2.bias", *RUN]


def mx(numpy="max_numpy.py", port="max_torch.py"):
    return [F + numpy + ":DeepSetMax", "--torch", F + port + ":DeepSetMax",
            "--data", F + "max.npz", "--as-written",
            "--param", "params['Wa']=phi1.weight",
            "--param", "params['ba']=phi1.bias",
            "--param", "params['Wb']=phi2.weight",
            "--param", "params['bb']=phi2.bias",
            "--param", "params['Wc']=rho1.weight",
            "--param", "params['bc']=rho1.bias",
            "--param", "params['Wd']=out.weight",
            "--param", "params['bd']=out.bias", *RUN]


def mx_alt():
    return [F + "max_numpy.py:DeepSetMax", "--torch", F + "max_alt_torch.py:DeepSetMaxAlt",
            "--data", F + "max.npz", "--as-written",
            "--param", "params['Wa']=phi.0.weight",
            "--param", "params['ba']=phi.0.bias",
            "--param", "params['Wb']=phi.2.weight",
            "--param", "params['bb']=phi.2.bias",
            "--param", "params['Wc']=rho.0.weight",
            "--param", "params['bc']=rho.0.bias",
            "--param", "params['Wd']=rho.2.weight",
            "--param", "params['bd']=rho.2.bias", *RUN]


def attn(numpy="attn_numpy.py", port="attn_torch.py"):
    return [F + numpy + ":AttnPool", "--torch", F + port + ":AttnPool",
            "--data", F + "attn.npz", "--as-written",
            "--param", "W_phi=phi.weight.T",
            "--param", "b_phi=phi.bias",
            "--param", "q=query",
            "--param", "W_rho=rho.weight.T",
            "--param", "b_rho=rho.bias",
            "--param", "W_out=out.weight.T",
            "--param", "b_out=out.bias", *RUN]


def attn_alt():
    return [F + "attn_alt_numpy.py:AttnPoolAlt", "--torch", F + "attn_torch.py:AttnPool",
            "--data", F + "attn.npz", "--as-written",
            "--param", "params['phi_w']=phi.weight",
            "--param", "params['phi_b']=phi.bias",
            "--param", "params['query']=query",
            "--param", "params['rho_w']=rho.weight",
            "--param", "params['rho_b']=rho.bias",
            "--param", "params['out_w']=out.weight",
            "--param", "params['out_b']=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VK01", "side": "port", "args": mean(port="01_meanpad_port.py"),
     "mechanism": "masked mean pool written as (phi(x) * mask).mean(dim=1): divides by the padded "
                  "set size S = 8 instead of the number of real elements (sum of the mask)",
     "expected": ("mask", "mean", "padding", "count", "set size", "divide")},
    {"id": "VK02", "side": "port", "args": mean(port="02_nodecay_port.py"),
     "mechanism": "torch.optim.SGD(lr=0.05, momentum=0.9) without weight_decay=1e-3: the NumPy "
                  "program's coupled weight decay is missing from the port",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VK03", "side": "port", "args": mx(port="03_nomaskmax_port.py"),
     "mechanism": "max pool without the masked_fill(-inf): padded elements (phi of a zero vector) "
                  "take part in the max and win it for some units",
     "expected": ("mask", "padding", "padded", "max", "masked_fill")},
    {"id": "VK04", "side": "port", "args": mx(port="04_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment averages differently (equal updates at step 1)",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "VK05", "side": "port", "args": attn(port="05_fillzero_port.py"),
     "mechanism": "padded attention scores filled with 0.0 instead of -inf before the softmax: "
                  "padded elements get attention weight and leak into the pooled vector",
     "expected": ("mask", "-inf", "padding", "softmax", "attention", "masked_fill")},
    {"id": "VK06", "side": "port", "args": attn(port="06_noscale_port.py"),
     "mechanism": "attention scores e @ query without the 1/sqrt(d) = 1/4 scaling the NumPy "
                  "program applies",
     "expected": ("sqrt", "scale", "scaling", "temperature", "score")},
    {"id": "VK07", "side": "port", "args": mean(port="07_broadcast_port.py"),
     "mechanism": "forward returns (N, 1) (the squeeze left out) and F.mse_loss against y of shape "
                  "(N,) broadcasts to an (N, N) matrix of differences",
     "expected": ("broadcast", "shape", "squeeze", "(n, 1)", "mse")},
    {"id": "VK08", "side": "port", "args": attn(port="08_detachattn_port.py"),
     "mechanism": "attention weights detached (torch.softmax(scores).detach()): no gradient "
                  "flows through the scores, so the query gets none and phi loses that path",
     "expected": ("detach", "no gradient", "query", "attention", "graph")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VK09", "side": "numpy", "args": mean(numpy="09_maskgrad_numpy.py"),
     "mechanism": "masked-mean backward spreads dpooled / count to every element, padding "
                  "included (the mask left out of the backward only): phi's gradients take "
                  "contributions from padded elements",
     "expected": ("mask", "padding", "padded", "backward", "mean")},
    {"id": "VK10", "side": "numpy", "args": mean(numpy="10_decayoutside_numpy.py"),
     "mechanism": "weight decay added outside the momentum buffer (v = mu v + g; p -= lr (v + wd p)) "
                  "instead of into the gradient before the velocity, as torch.optim.SGD does",
     "expected": ("weight decay", "momentum", "velocity", "decay", "momentum_buffer")},
    {"id": "VK11", "side": "numpy", "args": mean(numpy="11_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative of phi's output layer taken of the pre-activation (1 - z^2) "
                  "instead of the activation (1 - tanh(z)^2)",
     "expected": ("tanh", "derivative", "activation", "pre-activation")},
    {"id": "VK12", "side": "numpy", "args": mx(numpy="12_argmaxunmasked_numpy.py"),
     "mechanism": "max-pool backward recomputes the argmax on the unmasked phi outputs: where a "
                  "padded element is the largest the gradient goes to it, not to the element the "
                  "masked forward pooled",
     "expected": ("argmax", "mask", "max", "padding", "route", "backward")},
    {"id": "VK13", "side": "numpy", "args": mx(numpy="13_epsinside_numpy.py"),
     "mechanism": "Adam eps inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "denominator")},
    {"id": "VK14", "side": "numpy", "args": mx(numpy="14_decoupled_numpy.py"),
     "mechanism": "weight decay decoupled (p -= lr wd p, AdamW-style) instead of the L2 term "
                  "wd p added to the gradient before the Adam moments, as torch.optim.Adam does",
     "expected": ("weight decay", "decoupled", "adamw", "l2", "decay")},
    {"id": "VK15", "side": "numpy", "args": attn(numpy="15_softmaxgrad_numpy.py"),
     "mechanism": "masked-softmax backward ds = a * da, the - sum_j a_j da_j term left out: wrong "
                  "gradients for the query and for phi through the scores",
     "expected": ("softmax", "jacobian", "attention", "backward", "query")},
    {"id": "VK16", "side": "numpy", "args": attn(numpy="16_qscale_numpy.py"),
     "mechanism": "query gradient without the 1/sqrt(d) score scale (4 times too large), while "
                  "phi's gradient through the scores keeps it",
     "expected": ("query", "sqrt", "scale", "q.grad", "factor")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VK17", "side": "correct", "args": mean_alt(),
     "mechanism": "correct: NumPy mean-pool net with weights kept (out, in), every product an "
                  "einsum, the pool as per-element weights m / count, momentum buffer in place",
     "expected": ()},
    {"id": "VK18", "side": "correct", "args": mx_alt(),
     "mechanism": "correct: port with nn.Sequential blocks, padding replaced by finfo.min with "
                  "torch.where and reduced by amax, nll_loss of log_softmax, two Adam param groups",
     "expected": ()},
    {"id": "VK19", "side": "correct", "args": attn_alt(),
     "mechanism": "correct: NumPy attention net with (out, in) weights in a dict, softmax as "
                  "exp * mask normalised, backward through the explicit softmax Jacobian, decay "
                  "as p *= 1 - lr wd",
     "expected": ()},
]
