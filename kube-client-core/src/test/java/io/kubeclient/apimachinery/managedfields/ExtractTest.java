package io.kubeclient.apimachinery.managedfields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExtractTest {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static JsonNode json(String singleQuoted) {
        return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    }

    /** A pod as read from the server, owned by three managers: "me" (apply), "other" (apply), "kubelet". */
    private static final String POD = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'prod',"
            + "'uid':'u-1','resourceVersion':'9','labels':{'app':'web','team':'x'},"
            + "'annotations':{'note':'n'},'finalizers':['example.com/a','example.com/b'],"
            + "'managedFields':["
            + "{'manager':'me','operation':'Update','apiVersion':'v1','fieldsType':'FieldsV1',"
            + "  'fieldsV1':{'f:metadata':{'f:annotations':{'f:note':{}}}}},"
            + "{'manager':'me','operation':'Apply','apiVersion':'v1','fieldsType':'FieldsV1','fieldsV1':"
            + "  {'f:metadata':{'f:labels':{'f:app':{}},'f:finalizers':{'v:\\'example.com/a\\'':{}}},"
            + "   'f:spec':{'f:containers':{'k:{\\'name\\':\\'app\\'}':{'.':{},'f:name':{},'f:image':{},"
            + "     'f:env':{'k:{\\'name\\':\\'MODE\\'}':{'.':{},'f:name':{},'f:value':{}}},"
            + "     'f:ports':{'k:{\\'containerPort\\':8080,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{},"
            + "       'f:protocol':{}}}}},"
            + "     'f:tolerations':{},'f:nodeSelector':{'f:disk':{}}}}},"
            + "{'manager':'other','operation':'Apply','apiVersion':'v1','fieldsType':'FieldsV1','fieldsV1':"
            + "  {'f:metadata':{'f:labels':{'f:team':{}}},'f:spec':{'f:containers':{'k:{\\'name\\':\\'side\\'}':"
            + "   {'.':{},'f:name':{},'f:image':{}},'k:{\\'name\\':\\'app\\'}':{'f:resources':{'f:limits':{'f:cpu':{}}}}}}}},"
            + "{'manager':'me','operation':'Apply','subresource':'status','apiVersion':'v1','fieldsType':'FieldsV1',"
            + "  'fieldsV1':{'f:status':{'f:conditions':{'k:{\\'type\\':\\'Ready\\'}':{'.':{},'f:type':{},"
            + "   'f:status':{}}}}}},"
            + "{'manager':'kubelet','operation':'Update','subresource':'status','apiVersion':'v1','fieldsType':'FieldsV1',"
            + "  'fieldsV1':{'f:status':{'f:phase':{}}}}]},"
            + "'spec':{'containers':[{'name':'side','image':'side:1'},"
            + "  {'name':'app','image':'app:1','resources':{'limits':{'cpu':'1'}},"
            + "   'env':[{'name':'OTHER','value':'o'},{'name':'MODE','value':'fast'}],"
            + "   'ports':[{'containerPort':9090,'protocol':'TCP'},{'containerPort':8080,'protocol':'TCP','name':'http'}]}],"
            + "  'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}],"
            + "  'nodeSelector':{'disk':'ssd','zone':'z1'},'restartPolicy':'Always'},"
            + "'status':{'phase':'Running','conditions':[{'type':'Init','status':'True'},"
            + "  {'type':'Ready','status':'True','lastProbeTime':null}]}}";

    @Test
    void extractsNestedMapsKeyedListsSetListsAndAtomicLeaves() {
        JsonNode extracted = Extract.extract(json(POD), "me");

        assertThat(extracted).isEqualTo(json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web',"
                + "'namespace':'prod','labels':{'app':'web'},'finalizers':['example.com/a']},"
                + "'spec':{'containers':[{'name':'app','image':'app:1','env':[{'name':'MODE','value':'fast'}],"
                + "'ports':[{'containerPort':8080,'protocol':'TCP'}]}],"
                + "'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}],"
                + "'nodeSelector':{'disk':'ssd'}}}"));
    }

    @Test
    void extractsAnotherManagersFields() {
        JsonNode extracted = Extract.extract(json(POD), "other");

        assertThat(extracted).isEqualTo(json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web',"
                + "'namespace':'prod','labels':{'team':'x'}},'spec':{'containers':[{'name':'side','image':'side:1'},"
                + "{'resources':{'limits':{'cpu':'1'}}}]}}"));
    }

    @Test
    void extractsTheStatusSubresource() {
        JsonNode extracted = Extract.extract(json(POD), "me", "status");

        assertThat(extracted).isEqualTo(json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web',"
                + "'namespace':'prod'},'status':{'conditions':[{'type':'Ready','status':'True'}]}}"));
    }

    @Test
    void managerWithoutApplyEntryGetsOnlyIdentity() {
        JsonNode identity = json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'prod'}}");

        assertThat(Extract.extract(json(POD), "kubelet")).isEqualTo(identity);
        assertThat(Extract.extract(json(POD), "kubelet", "status")).isEqualTo(identity);
        assertThat(Extract.extract(json(POD), "nobody")).isEqualTo(identity);
    }

    @Test
    void returnsTypedObjectsForTypedInput() {
        Pod pod = MAPPER.treeToValue(json(POD), Pod.class);

        Pod extracted = Extract.extract(pod, "me");

        assertThat(extracted.getMetadata().getName()).isEqualTo("web");
        assertThat(extracted.getMetadata().getLabels()).containsOnlyKeys("app");
        assertThat(extracted.getMetadata().getManagedFields()).isEmpty();
        assertThat(extracted.getMetadata().getUid()).isNull();
        assertThat(extracted.getSpec().getContainers()).hasSize(1);
        assertThat(extracted.getSpec().getContainers().get(0).getEnv()).hasSize(1);
        assertThat(extracted.getSpec().getContainers().get(0).getResources()).isNull();
        assertThat(extracted.getSpec().getRestartPolicy()).isNull();
        assertThat(extracted.getStatus()).isNull();
        assertThat((JsonNode) MAPPER.valueToTree(extracted)).isEqualTo(Extract.extract(json(POD), "me"));
    }

    @Test
    void worksForGenericKubernetesResources() {
        String widget = "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','namespace':'ns',"
                + "'managedFields':[{'manager':'me','operation':'Apply','apiVersion':'example.com/v1',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:size':{},'f:tags':{'v:\\'blue\\'':{}},"
                + "'f:parts':{'i:1':{'f:id':{}}}}}}]},"
                + "'spec':{'size':3,'color':'red','tags':['red','blue'],'parts':[{'id':1,'x':1},{'id':2,'x':2}]}}";
        GenericKubernetesResource resource = MAPPER.treeToValue(json(widget), GenericKubernetesResource.class);

        GenericKubernetesResource extracted = Extract.extract(resource, "me");

        assertThat(extracted.getKind()).isEqualTo("Widget");
        assertThat(extracted.getApiVersion()).isEqualTo("example.com/v1");
        assertThat(extracted.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat((JsonNode) MAPPER.valueToTree(extracted)).isEqualTo(json("{'apiVersion':'example.com/v1','kind':'Widget',"
                + "'metadata':{'name':'w','namespace':'ns'},'spec':{'size':3,'tags':['blue'],'parts':[{'id':2}]}}"));
    }

    @Test
    void doesNotModifyItsInput() {
        JsonNode pod = json(POD);

        Extract.extract(pod, "me");

        assertThat(pod).isEqualTo(json(POD));
    }

    @Test
    void rejectsMalformedFieldSets() {
        String bad = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','managedFields':[{'manager':'me',"
                + "'operation':'Apply','fieldsV1':{'f:spec':{'f:containers':{'k:{not json':{}}}}}]},"
                + "'spec':{'containers':[{'name':'a'}]}}";
        assertThatThrownBy(() -> Extract.extract(json(bad), "me"))
                .isInstanceOf(InvalidManagedFieldsException.class).hasMessageContaining("k:{not json");
        String unknown = bad.replace("k:{not json", "z:1");
        assertThatThrownBy(() -> Extract.extract(json(unknown), "me"))
                .isInstanceOf(InvalidManagedFieldsException.class).hasMessageContaining("unknown type");
        assertThatThrownBy(() -> Extract.extract(json(POD), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
