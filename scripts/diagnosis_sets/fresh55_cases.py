"""Fifty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh55/
(eight PyTorch ports, each checked against a NumPy program of the user's own, and eight NumPy
programs, each checked against a correct port of the user's own) and three correct programs in
unusual styles. The theme is residual and skip-connection networks written by hand in NumPy and
ported to PyTorch: a residual block with a fixed branch scale (h + ALPHA f(h)), ReZero (a learned
scalar on the branch started small), a gated skip mixing the block and the identity with a learned
scalar, highway layers (T H(x) + (1 - T) x with a sigmoid transform gate), a DenseNet-like block
concatenating each layer's input with its output, and a pre-activation residual block. The bugs are
slips in the forward of the ports (method chains, torch.add's alpha, an in-place ReLU, a loop index,
a detached scalar, a skip added twice, a missing final activation, the pre-activation concatenated)
and in the hand-written backward passes (a gate derivative's sign, a dropped gradient path, the
branch scale or the branch value missing, a skip counted twice, a concatenation rebuilt in the
wrong order, the pre-activation's input). fresh55/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh55_cases

Each case:
    id          short name (prefixed QC; QCC for the correct programs)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh54/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written beside it as
`# fix: ...`) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh55/"

CURVE, BLOBS, BINARY = F + "curve.npz", F + "blobs.npz", F + "binary.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def linear(w: str, b: str, module: str) -> tuple[str, str]:
    """A NumPy (in, out) weight and its bias, kept in the program's params dict, against an nn.Linear."""
    return f"params['{w}']={module}.weight.T", f"params['{b}']={module}.bias"


REZERO = params(*linear("W1", "b1", "fc1"), *linear("W2", "b2", "fc2"), "params['alpha']=alpha",
                *linear("W3", "b3", "fc3"))
SCALED_BLOCK = params(*linear("W1", "b1", "fc1"), *linear("W2", "b2", "block.fc"), *linear("W3", "b3", "fc3"))
SCALED_ADD = params(*linear("W1", "b1", "fc1"), *linear("W2", "b2", "fc2"), *linear("W3", "b3", "fc3"))
GATED = params(*linear("W1", "b1", "fc1"), *linear("W2", "b2", "fc2"), "params['s']=s", *linear("W3", "b3", "fc3"))
HIGHWAY = params(*linear("W0", "b0", "stem"), *linear("Wh1", "bh1", "transforms.0"), *linear("Wt1", "bt1", "gates.0"),
                 *linear("Wh2", "bh2", "transforms.1"), *linear("Wt2", "bt2", "gates.1"),
                 *linear("Wout", "bout", "head"))
DENSE = params(*linear("W1", "b1", "fc1"), *linear("W2", "b2", "fc2"), *linear("W3", "b3", "fc3"))
PREACT = params(*linear("W1", "b1", "stem"), *linear("W2", "b2", "fc"), *linear("W3", "b3", "head"))


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QC01_rezero_method_chain", side="port",
         args=pair("01_rezero_numpy.py", "ReZeroRegressor", "01_rezero_torch.py", "ReZeroRegressor",
                   "--data", CURVE, *REZERO),
         mechanism="pair: the port's ReZero branch is written self.alpha * self.fc2(h.tanh()) instead of "
                   "self.alpha * self.fc2(h).tanh(): the method-chained .tanh() moved inside the call, so the branch "
                   "applies tanh to the block's input and leaves fc2's output linear, alpha * fc2(tanh(h1)) instead "
                   "of alpha * tanh(fc2(h1)) (the block's activation on the wrong side of its linear layer)",
         expected=("tanh", ".tanh()", "method chain", "fc2(h).tanh()", "fc2(h.tanh())", "inside", "activation",
                   "before the linear", "after the linear", "input of the block", "linear output", "branch",
                   "rezero", "alpha", "order", "wrong side")),
    dict(id="QC02_skip_added_twice", side="port",
         args=pair("02_scaled_residual_numpy.py", "ScaledResidualRegressor", "02_scaled_residual_torch.py",
                   "ScaledResidualRegressor", "--data", CURVE, *SCALED_BLOCK),
         mechanism="pair: the port's branch module returns h + ALPHA * tanh(fc(h)) (a whole residual block) while "
                   "the network's forward also adds the skip, h = h + self.block(h): the identity is added twice, "
                   "h2 = 2 h1 + 0.5 tanh(h1 W2 + b2) instead of h1 + 0.5 tanh(h1 W2 + b2), and the gradient along "
                   "the skip path is doubled",
         expected=("twice", "added twice", "double", "doubled", "2 h", "2h", "2 * h", "skip", "identity",
                   "residual", "shortcut", "block returns", "h + ", "already", "both", "factor 2", "factor of 2")),
    dict(id="QC03_torch_add_alpha", side="port",
         args=pair("03_scaled_add_numpy.py", "ScaledResidualRegressor", "03_scaled_add_torch.py",
                   "ScaledResidualRegressor", "--data", CURVE, *SCALED_ADD),
         mechanism="pair: the port writes torch.add(torch.tanh(self.fc2(h)), h, alpha=ALPHA) with the branch first: "
                   "torch.add's alpha multiplies the second argument (input + alpha * other), so the skip is scaled "
                   "by 0.5 and the branch is not, h2 = tanh(h1 W2 + b2) + 0.5 h1 instead of h1 + 0.5 tanh(h1 W2 + b2)",
         expected=("torch.add", "alpha", "alpha=", "second argument", "other", "input + alpha * other",
                   "argument order", "swapped", "scales the skip", "skip scaled", "identity scaled", "branch",
                   "0.5", "scale", "residual", "shortcut")),
    dict(id="QC04_gate_item", side="port",
         args=pair("04_gated_skip_numpy.py", "GatedSkipRegressor", "04_gated_skip_torch.py", "GatedSkipRegressor",
                   "--data", CURVE, *GATED),
         mechanism="pair: the port computes the skip gate as g = torch.sigmoid(self.s).item() (a float, for logging) "
                   "and mixes with it: .item() detaches the value from the graph, so the learned gate scalar s gets no "
                   "gradient (s.grad stays None) and is never updated, the mixture frozen at g = 0.5 (the other "
                   "parameters are right at the first step)",
         expected=(".item()", "item", "detach", "detached", "graph", "no gradient", "grad is none", "none",
                   "never updated", "not updated", "frozen", "python float", "float", "gate", "scalar", "s.grad",
                   "requires_grad")),
    dict(id="QC05_highway_gate_index", side="port",
         args=pair("05_highway_numpy.py", "HighwayClassifier", "05_highway_torch.py", "HighwayClassifier",
                   "--data", BLOBS, *HIGHWAY),
         mechanism="pair: inside the loop over the two highway layers the port indexes the gate as self.gates[0](x) "
                   "instead of self.gates[i](x): both layers use the first layer's transform gate, so the second "
                   "layer's gate (gates.1, Wt2 and bt2) is unused, gets no gradient and never moves, and gates.0 "
                   "gets the gradient of both uses",
         expected=("gates[0]", "gates[i]", "index", "loop index", "same gate", "first gate", "shared", "reused",
                   "gates.1", "unused", "no gradient", "never updated", "second layer", "highway",
                   "transform gate", "both layers")),
    dict(id="QC06_dense_concat_preactivation", side="port",
         args=pair("06_dense_block_numpy.py", "DenseBlockClassifier", "06_dense_block_torch.py",
                   "DenseBlockClassifier", "--data", BLOBS, *DENSE),
         mechanism="pair: the port's dense block concatenates the first layer's pre-activation, torch.cat([x, z1]) "
                   "with z1 = fc1(x), instead of its ReLU output h1 = relu(z1): the features reused by the second "
                   "layer and the head carry the negative values ReLU would zero, and fc1's gradient through the "
                   "concatenation skips the ReLU mask",
         expected=("pre-activation", "preactivation", "before the relu", "relu", "z1", "h1", "torch.cat",
                   "concatenat", "concat", "dense", "densenet", "activation missing", "negative values",
                   "mask", "feature reuse")),
    dict(id="QC07_inplace_relu_skip", side="port",
         args=pair("07_preact_numpy.py", "PreActResidualClassifier", "07_preact_torch.py",
                   "PreActResidualClassifier", "--data", BLOBS, *PREACT),
         mechanism="pair: the pre-activation block's ReLU is nn.ReLU(inplace=True) applied to the residual stream, "
                   "h + fc(act(h)): the in-place ReLU overwrites h before the addition, so the skip carries relu(z1) "
                   "instead of z1 (negative entries of the identity path zeroed, and their gradient blocked)",
         expected=("inplace", "in-place", "in place", "inplace=true", "overwrite", "overwrites", "modifies",
                   "relu", "skip", "identity", "residual", "shortcut", "relu(z1)", "negative", "zeroed",
                   "pre-activation")),
    dict(id="QC08_preact_final_relu", side="port",
         args=pair("08_preact_head_numpy.py", "PreActResidualClassifier", "08_preact_head_torch.py",
                   "PreActResidualClassifier", "--data", BLOBS, *PREACT),
         mechanism="pair: the port's head reads the raw residual stream, self.head(h), without the final activation "
                   "of a pre-activation network (self.head(self.act(h)), ResNet v2's last ReLU before the classifier): "
                   "the logits are z2 W3 + b3 instead of relu(z2) W3 + b3, negative entries pass through and every "
                   "gradient below the head misses the ReLU mask",
         expected=("final activation", "final relu", "last relu", "missing relu", "relu", "head", "before the head",
                   "pre-activation", "resnet v2", "activation missing", "no activation", "negative", "mask",
                   "relu(z2)", "classifier")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QC09_highway_gate_sign", side="numpy",
         args=pair("09_highway_numpy.py", "HighwayClassifier", "09_highway_torch.py", "HighwayClassifier",
                   "--data", BLOBS, *HIGHWAY),
         mechanism="pair: the transform gate's gradient is d_t = d * (x - H) instead of d * (H - x): the derivative "
                   "of T H + (1 - T) x on T has its sign flipped (the carry's -x and the transform's H swapped), so "
                   "the gates (Wt, bt) of both highway layers descend the wrong way and the gate path's contribution "
                   "to the input gradient (stem W0, b0 and the first layer) is negated",
         expected=("sign", "wrong sign", "flipped", "negated", "opposite", "x - h", "h - x", "gate", "transform gate",
                   "carry", "carry gate", "highway", "d_t", "derivative", "wt", "bt")),
    dict(id="QC10_highway_gate_path_dropped", side="numpy",
         args=pair("10_highway_numpy.py", "HighwayClassifier", "10_highway_torch.py", "HighwayClassifier",
                   "--data", BLOBS, *HIGHWAY),
         mechanism="pair: the gradient sent to a highway layer's input collects the carry path d (1 - T) and the "
                   "transform H (d_zh Wh^T) but leaves out the gate's path d_zt Wt^T: the gate depends on x too, so "
                   "the first layer and the stem (W0, b0) get too little gradient (each layer's own gate and "
                   "transform gradients are right)",
         expected=("gate path", "through the gate", "gate's input", "missing", "left out", "dropped", "omitted",
                   "wt.t", "wt^t", "d_zt", "input gradient", "highway", "transform gate", "stem", "w0",
                   "chain rule", "path")),
    dict(id="QC11_dense_concat_backward_order", side="numpy",
         args=pair("11_dense_block_numpy.py", "DenseBlockClassifier", "11_dense_block_torch.py",
                   "DenseBlockClassifier", "--data", BLOBS, *DENSE),
         mechanism="pair: the backward rebuilds the second layer's concatenated input as np.hstack([h1, X]) while "
                   "the forward used np.hstack([X, h1]): W2's gradient c1^T d_z2 has its rows in the wrong order, the "
                   "input features' rows getting the gradient of h1's columns and back (the forward and every other "
                   "gradient are right)",
         expected=("concatenat", "concat", "hstack", "order", "swapped", "reversed", "rows", "row order", "w2",
                   "permuted", "forward order", "[x, h1]", "[h1, x]", "dense", "densenet", "rebuilt")),
    dict(id="QC12_rezero_alpha_missing_backward", side="numpy",
         args=pair("12_rezero_numpy.py", "ReZeroRegressor", "12_rezero_torch.py", "ReZeroRegressor",
                   "--data", CURVE, *REZERO),
         mechanism="pair: the ReZero scale is applied in the forward (h2 = h1 + alpha f) but not in the backward: "
                   "the branch's gradient is d_f = d_h2 instead of alpha * d_h2, so W2, b2 and the block's share of "
                   "W1 and b1 get gradients 1 / alpha = 10 times too large (alpha's own gradient is right)",
         expected=("alpha", "scale", "rezero", "missing alpha", "without alpha", "not applied", "backward",
                   "1 / alpha", "1/alpha", "10 times", "ten times", "too large", "branch", "d_f", "forward only")),
    dict(id="QC13_rezero_alpha_grad_no_branch", side="numpy",
         args=pair("13_rezero_numpy.py", "ReZeroRegressor", "13_rezero_torch.py", "ReZeroRegressor",
                   "--data", CURVE, *REZERO),
         mechanism="pair: the ReZero scalar's gradient is np.sum(d_h2), as if alpha were a bias, instead of "
                   "np.sum(d_h2 * f): the branch's value f = tanh(h1 W2 + b2) is left out of d(alpha f)/d alpha, so "
                   "alpha gets a wrong gradient (the weights' gradients are right)",
         expected=("alpha", "rezero", "branch value", "branch output", "times f", "* f", "without f", "missing f",
                   "d_h2 * f", "like a bias", "as a bias", "product rule", "scalar", "gradient of alpha")),
    dict(id="QC14_skip_gradient_twice", side="numpy",
         args=pair("14_scaled_residual_numpy.py", "ScaledResidualRegressor", "14_scaled_residual_torch.py",
                   "ScaledResidualRegressor", "--data", CURVE, *SCALED_ADD),
         mechanism="pair: the gradient at the block's input starts as the skip path's d_h1 = d_h2.copy() and then "
                   "adds d_h2 again with the block's term, d_h1 += d_h2 + d_z2 W2^T: the identity path's gradient is "
                   "counted twice, so W1 and b1 get 2 d_h2 + block instead of d_h2 + block (W2, b2, W3, b3 right)",
         expected=("twice", "counted twice", "double", "doubled", "skip", "identity", "residual", "shortcut",
                   "+=", "accumulat", "copy", "2 *", "factor 2", "w1", "b1", "already")),
    dict(id="QC15_preact_w2_input", side="numpy",
         args=pair("15_preact_numpy.py", "PreActResidualClassifier", "15_preact_torch.py",
                   "PreActResidualClassifier", "--data", BLOBS, *PREACT),
         mechanism="pair: in the pre-activation block z2 = z1 + relu(z1) W2 + b2 the branch weight's gradient is "
                   "z1^T d_z2, the block's raw input, instead of relu(z1)^T d_z2 = a1^T d_z2, the activated input W2 "
                   "actually multiplies: W2's gradient has contributions from the negative entries ReLU zeroed",
         expected=("pre-activation", "preactivation", "relu(z1)", "a1", "z1", "activated", "activation", "input",
                   "w2", "weight gradient", "before the relu", "raw input", "negative", "relu")),
    dict(id="QC16_gated_skip_carry_grad", side="numpy",
         args=pair("16_gated_skip_numpy.py", "GatedSkipRegressor", "16_gated_skip_torch.py", "GatedSkipRegressor",
                   "--data", CURVE, *GATED),
         mechanism="pair: in h2 = g f + (1 - g) h1 the skip path's gradient is taken as d_h2 instead of "
                   "(1 - g) d_h2: the carry weight 1 - g (0.5 at the start) is left out of the identity path, so the "
                   "first layer (W1, b1) gets the identity's gradient at full strength (twice too large at g = 0.5)",
         expected=("1 - g", "(1 - g)", "carry", "gate", "skip", "identity", "missing", "left out", "scale",
                   "factor", "twice", "w1", "b1", "sigmoid", "gated")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QCC1_dense_buffer", side="correct",
         args=pair("correct_01_dense_block_numpy.py", "DenseBufferClassifier", "correct_01_dense_block_torch.py",
                   "DenseBufferClassifier", "--data", BLOBS,
                   *params("params['W1']=w1.T", "params['b1']=c1", "params['W2']=w2.T", "params['b2']=c2",
                           "params['W3']=w3.T", "params['b3']=c3")),
         mechanism="pair: dense block as column slices of one preallocated buffer (np.empty), products through "
                   "np.einsum, the buffer's gradient cut by np.split, log-sum-exp cross-entropy, Adam by hand; the "
                   "port with raw (out, in) nn.Parameters, F.linear on torch.hstack of a growing list, torch.optim.Adam",
         expected=()),
    dict(id="QCC2_lerp_highway", side="correct",
         args=pair("correct_02_highway_numpy.py", "LerpHighwayNet", "correct_02_highway_torch.py", "LerpHighwayNet",
                   "--data", BINARY,
                   *params("Ws=stem.weight.T", "bs=stem.bias", "Wh=transform.weight.T", "bh=transform.bias",
                           "Wt=gate.weight.T", "bt=gate.bias", "Wo=out.weight.T", "bo=out.bias")),
         mechanism="pair: a highway layer written as the interpolation x + T (H - x) (NumPy, sigmoid as "
                   "0.5 (1 + tanh(z / 2)), BCE through np.logaddexp, Nesterov momentum in torch's form, in-place "
                   "updates through getattr) against torch.lerp(x, H, T), BCE with logits and SGD(nesterov=True)",
         expected=()),
    dict(id="QCC3_stacked_rezero", side="correct",
         args=pair("correct_03_rezero_numpy.py", "StackedReZero", "correct_03_rezero_torch.py", "StackedReZero",
                   "--data", CURVE,
                   *params("stem['W0']=stem.W0", "stem['c0']=stem.c0", "blocks[0]['W1']=blocks.0.W1",
                           "blocks[0]['c1']=blocks.0.c1", "blocks[0]['a1']=blocks.0.a1", "blocks[1]['W2']=blocks.1.W2",
                           "blocks[1]['c2']=blocks.1.c2", "blocks[1]['a2']=blocks.1.a2", "head['W3']=head.W3",
                           "head['c3']=head.c3")),
         mechanism="pair: two stacked ReZero blocks (NumPy: layers as a list of dicts, back-propagated in reverse "
                   "with zip(reversed(...)), each alpha a (1,) array; torch: nn.ParameterDicts in an nn.ModuleList "
                   "kept (in, out), torch.addmm and torch.addcmul(h, a, relu(...)))",
         expected=()),
]
